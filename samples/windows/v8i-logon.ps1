# Logon script: fills StartupErrorHelpText / StartupErrorHelpURL in the user's own base list from the
# startup-help service, so the thin client shows current help (phone, link) when it cannot connect.
# Deploy it with Group Policy (docs/v8i.md, "Group Policy"). It never blocks the logon for more than
# $MaxSeconds, never fails the logon, and writes what happened to %LOCALAPPDATA%\startup-help\v8i-logon.log.
# The shared lists (CommonInfoBases=) are updated centrally by update-shared-list.ps1, not by every user.
param(
  [string]$ServiceUrl = 'https://help.example.local',
  # v8i-win-x64.exe from "npm run build:exe", renamed; a share every user may read.
  [string]$V8i = '\\example.local\NETLOGON\startup-help\v8i.exe',
  [int]$MaxSeconds = 8
)

$logDir = Join-Path $env:LOCALAPPDATA 'startup-help'
$log = Join-Path $logDir 'v8i-logon.log'

function Write-Log([string]$Text) {
  Add-Content -Path $log -Value "$(Get-Date -Format s) $Text" -Encoding UTF8
}

try {
  New-Item -ItemType Directory -Force -Path $logDir | Out-Null
  # Keep the log small: start a new one past 1 MB.
  if ((Test-Path $log) -and (Get-Item $log).Length -gt 1MB) { Remove-Item $log -Force }

  # --timeout bounds the wait for the service; $MaxSeconds bounds the whole run.
  $V8iArguments = @('sync', '--discover', '--lists', 'user', '--from', $ServiceUrl, '--timeout', '5')
  $stdout = Join-Path $logDir 'v8i-logon.out'
  $stderr = Join-Path $logDir 'v8i-logon.err'
  $process = Start-Process -FilePath $V8i -ArgumentList $V8iArguments -NoNewWindow -PassThru `
    -RedirectStandardOutput $stdout -RedirectStandardError $stderr
  if ($process.WaitForExit($MaxSeconds * 1000)) {
    $status = "v8i exited with $($process.ExitCode) (0 done, 1 some lists failed, 2 usage error)"
  } else {
    # Safe to stop at any moment: a list is replaced by one rename, so it is old or new, never half.
    $process.Kill()
    $status = "v8i stopped after $MaxSeconds s; it runs again at the next logon"
  }
  Write-Log $status
  if (Test-Path $stderr) { Get-Content $stderr -Encoding UTF8 | ForEach-Object { Write-Log "  $_" } }
} catch {
  try { Write-Log "could not run v8i: $($_.Exception.Message)" } catch { }
}
exit 0
