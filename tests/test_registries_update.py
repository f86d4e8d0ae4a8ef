"""``ia-metiers data update`` against a server on 127.0.0.1 serving sample exports (no test
reaches the internet): a data.gouv.fr dataset description followed to its newest ZIP, a CSV
export, a download resumed with a range request, a refused address."""

from __future__ import annotations

import io
import json
import threading
import zipfile
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).parent / "data" / "registries"
ROME = Path(__file__).resolve().parents[2] / "shared" / "rome"
if not ROME.is_dir():
    ROME = Path(__file__).resolve().parents[3] / "shared" / "rome"


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class Site:
    """What the loopback server serves (path -> body, content type, headers) and what it was asked."""

    def __init__(self) -> None:
        self.files: dict[str, tuple[bytes, str, dict[str, str]]] = {}
        self.requests: list[tuple[str, str | None]] = []


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    served = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            served.requests.append((self.path, self.headers.get("Range")))
            if self.path not in served.files:
                self.send_error(404)
                return
            body, kind, extra = served.files[self.path]
            start = 0
            wanted = self.headers.get("Range")
            if wanted and wanted.startswith("bytes="):
                start = int(wanted[6:].split("-")[0])
                self.send_response(206)
                self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
            else:
                self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body) - start))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body[start:])

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("IA_METIERS_DATA_HOME", str(folder))
    return folder


def rncp_export() -> bytes:
    return _zip({f.name: f.read_bytes() for f in sorted((SAMPLES / "rncp").iterdir())})


def mcf_export() -> bytes:
    return (SAMPLES / "mcf" / "moncompteformation_catalogueformation.csv").read_bytes()


@pytest.mark.skipif(not ROME.is_dir(), reason="../shared/rome is not there")
def test_update_downloads_and_imports_the_three_exports(cli: Callable[..., Any], home: Path, site: tuple[Site, str]) -> None:
    served, base = site
    dataset = {
        "resources": [
            {"title": "export-fiches-csv-2026-11-30", "format": "zip", "url": "/files/old.zip", "last_modified": "2026-11-30"},
            {"title": "export-fiches-csv-2026-12-01", "format": "zip", "url": "/files/new.zip", "last_modified": "2026-12-01"},
            {"title": "documentation", "format": "pdf", "url": "/files/doc.pdf", "last_modified": "2026-12-02"},
        ]
    }
    served.files["/api/rncp/"] = (json.dumps(dataset).encode(), "application/json", {})
    disposition = {"Content-Disposition": 'attachment; filename="export-fiches-csv-2026-12-01.zip"'}
    served.files["/files/new.zip"] = (rncp_export(), "application/zip", disposition)
    served.files["/mcf/exports/csv"] = (mcf_export(), "text/csv; charset=utf-8", {})
    rome = {f.name: f.read_bytes() for f in ROME.iterdir() if "referentiel_code_rome" in f.name or "appellation" in f.name}
    rome |= {f.name: f.read_bytes() for f in ROME.iterdir() if "mobilite" in f.name}
    served.files["/rome.zip"] = (_zip(rome), "application/zip", {})

    res = cli(
        "data",
        "update",
        "--rncp-url",
        f"{base}/api/rncp/",
        "--mcf-url",
        f"{base}/mcf/exports/csv",
        env={"IA_METIERS_ROME_URL": f"{base}/rome.zip"},
    )
    assert res.code == 0, res.err
    assert [p for p, _ in served.requests] == ["/api/rncp/", "/files/new.zip", "/mcf/exports/csv", "/rome.zip"]
    rows = cli("data", "status", "-f", "json").json()
    assert [(r["source"], r["export_date"], r["rows"]) for r in rows][:2] == [("rncp", "2026-12-01", 4), ("mcf", "2026-11-30", 3)]
    assert (rows[2]["source"], rows[2]["rows"], rows[2]["version"]) == ("rome", 13120, "460")
    assert sorted(p.name for p in (home / "downloads").iterdir()) == [
        "export-fiches-csv-2026-12-01.zip",
        "moncompteformation_catalogueformation.csv",
        "rome.zip",
    ]


def test_update_resumes_a_cut_download(cli: Callable[..., Any], home: Path, site: tuple[Site, str]) -> None:
    served, base = site
    body = mcf_export()
    served.files["/mcf.csv"] = (body, "text/csv", {})
    (home / "downloads").mkdir(parents=True)
    (home / "downloads" / "mcf.csv.part").write_bytes(body[:100])
    res = cli("data", "update", "--only", "mcf", "--mcf-url", f"{base}/mcf.csv")
    assert res.code == 0, res.err
    assert served.requests == [("/mcf.csv", None), ("/mcf.csv", "bytes=100-")]
    assert (home / "downloads" / "mcf.csv").read_bytes() == body
    assert not (home / "downloads" / "mcf.csv.part").exists()
    assert cli("data", "status", "-f", "json").json()[0]["rows"] == 3


def test_update_refuses_a_missing_export_on_one_line(cli: Callable[..., Any], home: Path, site: tuple[Site, str]) -> None:
    _served, base = site
    res = cli("data", "update", "--only", "mcf", "--mcf-url", f"{base}/nothing.csv")
    assert res.code == 2
    assert res.err.strip().splitlines() == [f"ia-metiers: erreur: {base}/nothing.csv: Not Found"]
    res = cli("data", "update", "--only", "mcf", "--mcf-url", "file:///etc/passwd")
    assert res.code == 2 and "not an http(s) address" in res.err
    assert cli("data", "status", "-f", "json").json() == []
