"""Downloads of the official exports for ``ia-metiers data update``: into the user's data
folder under ``downloads/``, through a ``.part`` file that a new run resumes (an HTTP range
request) and that is renamed only once complete. A data.gouv.fr dataset address (its API's
JSON) stands for its newest ZIP resource."""

from __future__ import annotations

import email.message
import json
import os
import re
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ia_metiers.catalog.userdata import data_home
from ia_metiers.errors import UsageError

Progress = Callable[[int, int | None], None]

DEFAULT_URLS = {
    "rncp": "https://www.data.gouv.fr/api/1/datasets/"
    "repertoire-national-des-certifications-professionnelles-et-repertoire-specifique/",
    "mcf": "https://opendata.caissedesdepots.fr/api/explore/v2.1/catalog/datasets/"
    "moncompteformation_catalogueformation/exports/csv",
    "rome": "https://www.data.gouv.fr/api/1/datasets/repertoire-operationnel-des-metiers-et-des-emplois-rome/",
}
DEFAULT_NAMES = {"rncp": "rncp-export.zip", "mcf": "moncompteformation_catalogueformation.csv", "rome": "rome.zip"}
TIMEOUT = 60
CHUNK = 1 << 16
MAX_INDEX = 5_000_000  # bytes of a dataset's JSON description read at most


def _open(url: str, start: int = 0) -> Any:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise UsageError(f"{url}: not an http(s) address")
    request = urllib.request.Request(url, headers={"User-Agent": "ia-metiers"})
    if start:
        request.add_header("Range", f"bytes={start}-")
    try:
        return urllib.request.urlopen(request, timeout=TIMEOUT)
    except OSError as exc:  # URLError, HTTPError, timeouts
        raise UsageError(f"{url}: {getattr(exc, 'reason', None) or exc}") from None


def _name(response: Any, url: str, kind: str) -> str:
    """The file name the server gives (Content-Disposition), else the address's, else a default."""
    header = response.headers.get("Content-Disposition") or ""
    if header:
        msg = email.message.Message()
        msg["content-disposition"] = header
        given = msg.get_filename()
        if given:
            return Path(given).name
    base = Path(urllib.parse.urlsplit(url).path).name
    return base if re.search(r"\.(zip|csv|json)$", base, re.I) else DEFAULT_NAMES[kind]


def newest_resource(index: dict[str, Any], url: str) -> str:
    """The address of a data.gouv.fr dataset's newest ZIP resource (the CSV one when several)."""
    resources = [r for r in index.get("resources") or [] if isinstance(r, dict) and r.get("url")]
    zips = [r for r in resources if str(r.get("format", "")).lower() == "zip" or str(r["url"]).lower().endswith(".zip")]
    if not zips:
        raise UsageError(f"{url}: the dataset lists no ZIP resource")
    zips.sort(key=lambda r: ("csv" in (str(r.get("title", "")) + str(r["url"])).lower(), str(r.get("last_modified", ""))))
    return urllib.parse.urljoin(url, str(zips[-1]["url"]))


def fetch(kind: str, url: str, progress: Progress | None = None) -> Path:
    """Download ``url`` into the data folder's downloads/; the path of the complete file."""
    folder = data_home() / "downloads"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    response = _open(url)
    kind_of = (response.headers.get("Content-Type") or "").lower()
    if "json" in kind_of and kind in ("rncp", "rome"):  # a dataset's description: follow its newest ZIP
        with response:
            raw = response.read(MAX_INDEX + 1)
        try:
            index = json.loads(raw)
        except ValueError:
            index = None
        if len(raw) > MAX_INDEX or not isinstance(index, dict):
            raise UsageError(f"{url}: not a dataset description (JSON) nor a file")
        url = newest_resource(index, url)
        response = _open(url)
    name = _name(response, url, kind)
    target = folder / name
    part = folder / (name + ".part")
    done = part.stat().st_size if part.exists() else 0
    if done:
        response.close()
        response = _open(url, start=done)
        if response.status != 206:  # the server ignores ranges: start again
            done = 0
    total = response.headers.get("Content-Length")
    size = int(total) + done if total and total.isdigit() else None
    with response, part.open("ab" if done else "wb") as out:
        while True:
            chunk = response.read(CHUNK)
            if not chunk:
                break
            out.write(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, size)
    if size is not None and done < size:
        raise UsageError(f"{url}: download cut at {done} of {size} bytes (run again to resume)")
    os.replace(part, target)
    return target
