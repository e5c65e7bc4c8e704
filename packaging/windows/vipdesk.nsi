; The Windows installer of vipdesk: per user, no administrator rights. It installs the window
; program (vipdesk.exe) and the console program (vipdesk-cli.exe) under
; %LOCALAPPDATA%\Programs\vipdesk, with a Start-menu folder and a desktop shortcut. The user's
; database, backups and preferences live in %APPDATA%\Orelenergosbyt\vipdesk and are never
; touched: the uninstaller removes the program only, and an upgrade replaces the program files
; only. Built by build-installer.sh (makensis from Debian's nsis package).
;
; Defines from the build script: VERSION (x.y.z), SRC (the folder of the .exe files),
; ICON (the .ico), OUT (the installer's path).

; A 64-bit installer for the 64-bit program (Windows 10/11 x64).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include "MUI2.nsh"
!include "FileFunc.nsh"

; A program file replaced, or removed, only when no running vipdesk holds it (the window, or a
; console waiting at a password prompt, or a scheduled command): asked to close it, or, silent,
; the installer stops with exit code 2 and nothing half-replaced.
!macro Place NAME
  retry_${NAME}:
  ClearErrors
  File "${SRC}\${NAME}"
  IfErrors 0 placed_${NAME}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "vipdesk открыт (окно или командная строка). Закройте его и нажмите «Повтор»." /SD IDCANCEL IDRETRY retry_${NAME}
    Abort
  placed_${NAME}:
!macroend
!macro Free NAME
  retry_free_${NAME}:
  IfFileExists "$INSTDIR\${NAME}" 0 free_${NAME}
  ClearErrors
  FileOpen $0 "$INSTDIR\${NAME}" a
  IfErrors 0 +3
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "vipdesk открыт (окно или командная строка). Закройте его и нажмите «Повтор»." /SD IDCANCEL IDRETRY retry_free_${NAME}
    Abort
  FileClose $0
  free_${NAME}:
!macroend
!macro Remove NAME
  retry_${NAME}:
  ClearErrors
  Delete "$INSTDIR\${NAME}"
  IfErrors 0 removed_${NAME}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "vipdesk открыт (окно или командная строка). Закройте его и нажмите «Повтор»." /SD IDCANCEL IDRETRY retry_${NAME}
    Abort
  removed_${NAME}:
!macroend

!define APP "vipdesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\vipdesk"

Name "vipdesk ${VERSION}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\vipdesk"
InstallDirRegKey HKCU "Software\vipdesk" "InstallDir"
Icon "${ICON}"
UninstallIcon "${ICON}"
BrandingText "vipdesk ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1049 "ProductName" "vipdesk"
VIAddVersionKey /LANG=1049 "FileDescription" "Установка рабочего места персонального менеджера VIP-клиентов"
VIAddVersionKey /LANG=1049 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "CompanyName" "ОАО «Орелэнергосбыт»"
VIAddVersionKey /LANG=1049 "LegalCopyright" "ОАО «Орелэнергосбыт»"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\vipdesk.exe"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Russian"

Section "vipdesk" Main
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade over a running vipdesk would fail to replace its files: asked to close it,
  ; both checked before either is replaced.
  !insertmacro Free "vipdesk.exe"
  !insertmacro Free "vipdesk-cli.exe"
  !insertmacro Place "vipdesk.exe"
  !insertmacro Place "vipdesk-cli.exe"
  File "/oname=vipdesk.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\vipdesk"
  CreateShortcut "$SMPROGRAMS\vipdesk\vipdesk.lnk" "$INSTDIR\vipdesk.exe" "" "$INSTDIR\vipdesk.ico"
  CreateShortcut "$SMPROGRAMS\vipdesk\Удалить vipdesk.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\vipdesk.lnk" "$INSTDIR\vipdesk.exe" "" "$INSTDIR\vipdesk.ico"

  WriteRegStr HKCU "Software\vipdesk" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "vipdesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\vipdesk.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "ОАО «Орелэнергосбыт»"
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; The program only: the database, backups and preferences in %APPDATA% stay.
Section "Uninstall"
  SetShellVarContext current
  ; A running vipdesk keeps its file: asked to close it first, before anything is removed.
  !insertmacro Free "vipdesk.exe"
  !insertmacro Free "vipdesk-cli.exe"
  !insertmacro Remove "vipdesk.exe"
  !insertmacro Remove "vipdesk-cli.exe"
  Delete "$INSTDIR\vipdesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\vipdesk\vipdesk.lnk"
  Delete "$SMPROGRAMS\vipdesk\Удалить vipdesk.lnk"
  RMDir "$SMPROGRAMS\vipdesk"
  Delete "$DESKTOP\vipdesk.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\vipdesk"
SectionEnd
