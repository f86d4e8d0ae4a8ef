"""The baseline for cold start: a bare Typer app that parses one option and prints."""

import typer

app = typer.Typer()


@app.command()
def main(skills: str = typer.Option(..., "--skills", "-s")) -> None:
    print(skills)


if __name__ == "__main__":
    app()
