; Inno Setup script of the Windows installer (built by .github/workflows/package.yml,
; which has NOT been run yet: no Windows machine was available to try it).
; Installs dist\organizer\ into Program Files; the Start menu starts the windowed twin
; "Second Opinion Organizer.exe" (organizer.exe is the command line). The user's data
; folder (%LOCALAPPDATA%\SecondOpinionOrganizer) is never part of the install, so an
; update over an older version keeps it (the app migrates it, after its own backup) and
; the uninstaller leaves it alone.
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5B0F5F3E-2D55-4F0B-9C7A-0F3B1C2A9E11}
AppName=Second Opinion Organizer
AppVersion={#AppVersion}
DefaultDirName={autopf}\Second Opinion Organizer
DefaultGroupName=Second Opinion Organizer
OutputDir=..\..\dist
OutputBaseFilename=second-opinion-organizer-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
SetupIconFile=..\organizer.ico
UninstallDisplayIcon={app}\Second Opinion Organizer.exe

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Files]
Source: "..\..\dist\organizer\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[InstallDelete]
; an update replaces the program's own files, never the user's data folder
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Second Opinion Organizer"; Filename: "{app}\Second Opinion Organizer.exe"
Name: "{autodesktop}\Second Opinion Organizer"; Filename: "{app}\Second Opinion Organizer.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

[Run]
Filename: "{app}\Second Opinion Organizer.exe"; Description: "{cm:LaunchProgram,Second Opinion Organizer}"; Flags: nowait postinstall skipifsilent
