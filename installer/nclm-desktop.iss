; Inno Setup script: a per-user installer for Windows (no administrator rights needed).
; Build on Windows after `pyinstaller installer/nclm-desktop.spec` (see installer/README.md):
;   iscc /DAppVersion=0.1.0 installer\nclm-desktop.iss
; The study database lives in %LOCALAPPDATA%\NCLM Desktop\ (not in the program folder), and
; uninstalling removes only the files installed here, so the study data and its backups stay.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C0E3F8A-2B7D-4C55-9E0A-4F1D2B8C7A31}
AppName=NCLM Desktop
AppVersion={#AppVersion}
AppPublisher=NCLM Study
DefaultDirName={localappdata}\Programs\NCLM Desktop
DefaultGroupName=NCLM Desktop
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\dist
OutputBaseFilename=nclm-desktop-{#AppVersion}-setup
SetupIconFile=nclm-desktop.ico
UninstallDisplayIcon={app}\nclm-desktop.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible

[Files]
Source: "..\dist\nclm-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\NCLM Desktop"; Filename: "{app}\nclm-desktop.exe"
Name: "{group}\Uninstall NCLM Desktop"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\nclm-desktop.exe"; Description: "Start NCLM Desktop"; Flags: nowait postinstall skipifsilent
