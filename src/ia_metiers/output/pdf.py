"""A report as PDF: the HTML report printed by a Chromium-based browser found on the machine.

One document, one layout: the PDF is the HTML report's A4 print view, as the browser's own
"Print to PDF" gives it. The browser runs headless, offline (background networking off; the
report's Content Security Policy forbids any request) and in a throwaway profile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ia_metiers.errors import UsageError
from ia_metiers.output.messages import t

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge", "microsoft-edge")
TIMEOUT = 120  # seconds


def browser() -> str | None:
    """IA_METIERS_BROWSER, else the first Chromium-based browser on PATH."""
    chosen = os.environ.get("IA_METIERS_BROWSER")
    if chosen:
        return shutil.which(chosen) or (chosen if os.access(chosen, os.X_OK) else None)
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def command(executable: str, page: Path, profile: Path, out: Path) -> list[str]:
    """The headless, offline invocation that prints ``page`` to ``out``."""
    argv = [
        executable,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-default-apps",
        "--disable-quic",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={out}",
        page.as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        argv.insert(1, "--no-sandbox")  # Chromium refuses to run as root with its sandbox
    return argv


def print_pdf(document: str, path: Path, lang: str) -> None:
    """Print the HTML ``document`` to ``path`` (mode as ``export.save`` gives it)."""
    from ia_metiers.output.export import save

    executable = browser()
    if executable is None:
        raise UsageError(f"{path}: {t('pdf_needs_browser', lang)}", t("pdf_hint", lang))
    with tempfile.TemporaryDirectory(prefix="ia-metiers-pdf-") as tmp:
        folder = Path(tmp)
        page = folder / "report.html"
        page.write_text(document, encoding="utf-8")
        out = folder / "report.pdf"
        try:
            subprocess.run(
                command(executable, page, folder / "profile", out),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise UsageError(f"{path}: {t('pdf_failed', lang)} ({exc})") from None
        if not out.is_file() or out.stat().st_size == 0:
            raise UsageError(f"{path}: {t('pdf_failed', lang)}", t("pdf_hint", lang))
        save(path, out.read_bytes(), lang)
