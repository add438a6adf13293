"""Before Qt starts on Linux: can its X11 (xcb) platform plugin load?

When a system library the plugin needs is missing, Qt prints "Could not load
the Qt platform plugin "xcb" … even though it was found" and aborts, which
names neither the library nor the package to install. This check loads the
plugin first and, if that fails, names every missing library and the
distribution packages that provide them (README, "Linux runtime packages").
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

#: Fedora/RHEL package of each library whose package is not named after it.
FEDORA_PACKAGES = {
    "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-cursor.so.0": "xcb-util-cursor",
    "libxcb-image.so.0": "xcb-util-image",
    "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-util.so.1": "xcb-util",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11",
    "libX11-xcb.so.1": "libX11-xcb",
    "libEGL.so.1": "libglvnd-egl",
    "libfontconfig.so.1": "fontconfig",
    "libdbus-1.so.3": "dbus-libs",
}


def xcb_plugin() -> Path | None:
    """PySide6's ``libqxcb.so``, or None when PySide6 ships none (not Linux)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_libraries(library: Path) -> list[str]:
    """Shared libraries ``library`` needs that the system cannot find (``ldd``'s "not found")."""
    try:
        listing = subprocess.run(
            ["ldd", str(library)], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = re.findall(r"^\s*(\S+)\s+=>\s+not found", listing, flags=re.MULTILINE)
    return list(dict.fromkeys(found))


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package shipping ``soname`` by the distribution's naming rule.

    "libxcb-icccm.so.4" → "libxcb-icccm4"; a name ending in a digit takes a
    hyphen: "libxkbcommon-x11.so.0" → "libxkbcommon-x11-0".
    """
    match = re.fullmatch(r"(.+?)\.so\.(\d+)(?:\..*)?", soname)
    if match is None:
        return soname
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def describe_missing(missing: list[str]) -> str:
    """What to tell the user: the missing libraries and the packages to install."""
    qt_own = [m for m in missing if m.startswith("libQt6")]
    system = [m for m in missing if m not in qt_own]
    lines = [
        "natoplanner: Qt's X11 platform plugin (xcb) cannot load; missing: " + ", ".join(missing)
    ]
    if system:
        debian = " ".join(debian_package(m) for m in system)
        fedora = " ".join(dict.fromkeys(FEDORA_PACKAGES.get(m, "libxcb") for m in system))
        lines.append(f"  Debian/Ubuntu: sudo apt install {debian}")
        lines.append(f"  Fedora/RHEL:   sudo dnf install {fedora}")
    if qt_own:
        lines.append("  Qt's own libraries are missing: reinstall PySide6-Essentials.")
    lines.append("  (or run on Wayland, or with QT_QPA_PLATFORM=offscreen for --screenshot)")
    return "\n".join(lines)


def xcb_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    plugin: Path | None = None,
) -> str | None:
    """The message to print when Qt would start on xcb and its plugin cannot load, else None."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return None
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested and not requested.startswith("xcb"):
        return None
    if not requested and environ.get("XDG_SESSION_TYPE") == "wayland":
        return None  # Qt picks its Wayland plugin first
    plugin = plugin if plugin is not None else xcb_plugin()
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        missing = missing_libraries(plugin)
        if not missing:
            found = re.match(r"(\S+\.so[.\d]*): cannot open shared object", str(error))
            missing = [found.group(1)] if found else [str(error)]
        return describe_missing(missing)
    return None
