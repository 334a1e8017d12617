# Scheduled task: updates the shared base list every user's 1C reads (CommonInfoBases= in
# 1CEStart.cfg, usually on a share) from the startup-help service. Runs under an account that may
# write the share; register it with register-update-task.ps1. Each run appends to $Log.
param(
  [string]$ServiceUrl = 'https://help.example.local',
  [string]$SharedList = '\\fs.corp.local\1c$\common-bases.v8i',
  [string]$V8i = 'C:\Program Files\startup-help\v8i.exe',
  [string]$Log = 'C:\ProgramData\startup-help\update-shared-list.log'
)

New-Item -ItemType Directory -Force -Path (Split-Path $Log) | Out-Null
# --backup keeps the list as it was before each change (NAME.bak, then NAME.<time>.bak).
$V8iArguments = @('sync', $SharedList, '--from', $ServiceUrl, '--backup', '--timeout', '30')
& $V8i @V8iArguments 2>&1 | ForEach-Object { "$(Get-Date -Format s) $_" } | Add-Content -Path $Log -Encoding UTF8
exit $LASTEXITCODE
