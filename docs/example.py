"""Read a CV, rank the AI roles and plan the best; then the same for 1,000 profiles over a process
pool. Only the public API: python docs/example.py CV.pdf (tested in tests/test_docs.py)."""

import json
import sys
from multiprocessing import Pool

import ia_metiers as im


def advise(cat: im.Catalog, person: im.Profile) -> dict[str, object]:
    best = im.rank_roles(cat, person, top=1)[0]  # a Fit: the role's id, its score, how each skill is met
    plan = im.rank_paths(cat, person, roles=[best.role])[0]  # the steps to learn, trainings, funding
    return {"role": best.role, "score": best.score, "steps": [s.skill for s in plan.steps], "hours": plan.hours}


def start() -> None:
    global CAT
    CAT = im.load_catalog()  # once per worker process


def advise_skills(skills: list[str]) -> dict[str, object]:
    return advise(CAT, im.read_profile(CAT, skills))


if __name__ == "__main__":
    cat = im.load_catalog()
    print(json.dumps(advise(cat, im.read_profile(cat, text=im.read_document(sys.argv[1]).text))))
    names = sorted(cat.skills)
    cohort = [[names[(7 * i + 3 * k) % len(names)] for k in range(1 + i % 6)] for i in range(1000)]
    with Pool(2, start) as pool:
        answers = pool.map(advise_skills, cohort, chunksize=50)  # results are small: they travel by value
    print(json.dumps({"profiles": len(answers), "first": answers[0], "hours": sum(a["hours"] for a in answers)}))
