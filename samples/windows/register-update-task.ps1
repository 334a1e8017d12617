# Registers update-shared-list.ps1 as a scheduled task on a server: every 15 minutes, under a group
# managed service account (gMSA) that may write the share with the shared list. Run once, elevated.
# cmd.exe alternative (asks for the account's password):
#   schtasks /Create /TN "startup-help\Update shared 1C list" /SC MINUTE /MO 15 /RU "CORP\svc-startup-help" /RP ^
#     /TR "powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File \"C:\Program Files\startup-help\update-shared-list.ps1\""
param(
  [string]$Script = 'C:\Program Files\startup-help\update-shared-list.ps1',
  [string]$Account = 'CORP\svc-startup-help$'
)

$action = New-ScheduledTaskAction -Execute 'powershell.exe' `
  -Argument "-NoProfile -NonInteractive -ExecutionPolicy Bypass -File `"$Script`""
$trigger = New-ScheduledTaskTrigger -Once -At (Get-Date).Date -RepetitionInterval (New-TimeSpan -Minutes 15)
$settings = New-ScheduledTaskSettingsSet -ExecutionTimeLimit (New-TimeSpan -Minutes 5) `
  -MultipleInstances IgnoreNew -StartWhenAvailable
$principal = New-ScheduledTaskPrincipal -UserId $Account -LogonType Password
Register-ScheduledTask -TaskPath '\startup-help\' -TaskName 'Update shared 1C list' `
  -Action $action -Trigger $trigger -Settings $settings -Principal $principal
