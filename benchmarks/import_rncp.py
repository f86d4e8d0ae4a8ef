"""Peak memory and time of ``ia-metiers data import rncp`` on a generated export of about 500 MB
(target: under 150 MB of memory, whatever the size: the importer streams a row at a time).

    python benchmarks/import_rncp.py [--mb 500] [--keep DIR]

The export is written to a temporary folder (a Standard CSV and its Certificateurs, Blocs, Rome,
Partenaires and Voies d'accès files, with the real headers), imported by the installed command in a
child process into a temporary data folder, and its peak resident memory read from the kernel.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STANDARD = (
    "Id_Fiche;Numero_Fiche;Intitule;Abrege_Libelle;Abrege_Intitule;Nomenclature_Europe_Niveau;"
    "Nomenclature_Europe_Intitule;Accessible_Nouvelle_Caledonie;Accessible_Polynesie_Francaise;Date_dernier_jo;"
    "Date_Decision;Date_Fin_Enregistrement;Date_Effet;Type_Enregistrement;Validation_Partielle;Actif\n"
)
PARTS = {
    "Certificateurs": ("Numero_Fiche;Siret_Certificateur;Nom_Certificateur\n", "{c};12345678900012;Certificateur numéro {i}\n"),
    "Blocs_De_Compétences": (
        "Numero_Fiche;Bloc_Competences_Code;Bloc_Competences_Libelle\n",
        "{c};{c}BC01;Concevoir, développer et déployer une solution d'intelligence artificielle, bloc {i}\n",
    ),
    "Rome": ("Numero_Fiche;Codes_Rome_Code;Codes_Rome_Libelle\n", "{c};M1405;Data scientist\n"),
    "Partenaires": (
        "Numero_Fiche;Nom_Partenaire;Siret_Partenaire;Habilitation_Partenaire\n",
        "{c};Organisme partenaire {i};98765432100012;HABILITATION_ORGA_FORM\n",
    ),
    "Voies_d_acces": ("Numero_Fiche;Si_Jury\n", "{c};Après un parcours de formation continue\n"),
}


def generate(folder: Path, megabytes: int) -> Path:
    """Write an export of about ``megabytes`` MB; the Standard CSV's path."""
    date = "2026_12_01"
    standard = folder / f"export_fiches_CSV_Standard_{date}.csv"
    budget = megabytes * 1_000_000
    files = {name: (folder / f"export_fiches_CSV_{name}_{date}.csv").open("w", encoding="utf-8") for name in PARTS}
    for name, (header, _row) in PARTS.items():
        files[name].write(header)
    written = 0
    title = "Concepteur développeur en intelligence artificielle et science des données, " * 2
    with standard.open("w", encoding="utf-8") as out:
        out.write(STANDARD)
        i = 0
        while written < budget:
            i += 1
            code = f"RNCP{100000 + i}"
            line = (
                f"{i};{code};{title}{i};TIT;Titre;NIV6;Niveau 6;Non;Non;;27/06/2025;31/08/2029;01/09/2025;"
                "Enregistrement sur demande;Non;ACTIVE\n"
            )
            out.write(line)
            written += len(line.encode())
            for name, (_header, row) in PARTS.items():
                text = row.format(c=code, i=i)
                files[name].write(text)
                written += len(text.encode())
    for fh in files.values():
        fh.close()
    return standard


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=500, help="size of the generated export in MB")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "export"
        folder.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        standard = generate(folder, args.mb)
        size = sum(f.stat().st_size for f in folder.iterdir())
        print(f"generated {size / 1e6:.0f} MB in {time.perf_counter() - started:.0f} s")
        env = {**os.environ, "IA_METIERS_DATA_HOME": str(Path(tmp) / "home"), "IA_METIERS_NO_CACHE": "1"}
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "ia_metiers", "data", "import", "rncp", str(standard)], env=env, capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB -> MiB (Linux)
        store = Path(tmp) / "home" / "rncp.sqlite"
        print(done.stderr.strip())
        print(f"exit {done.returncode}; import {elapsed:.0f} s ({size / 1e6 / elapsed:.1f} MB/s)")
        print(
            f"peak memory {peak:.0f} MiB (target < 150 MiB); store {store.stat().st_size / 1e6:.0f} MB" if store.exists() else ""
        )


if __name__ == "__main__":
    main()
