@echo off
rem Restores the local tools (Cake) and forwards every argument to `dotnet cake`.
cd /d "%~dp0"
dotnet tool restore >nul || exit /b %errorlevel%
dotnet cake %*
