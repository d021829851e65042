#!/usr/bin/env python3
"""Builds data/lexicon/first-names-english.txt: English first names with the gender they
are mostly given to, for resolving "he" and "she" to the right person.

Source: the person providers of Faker (MIT), `faker/providers/person/en` and
`faker/providers/person/en_US`, read from the wheel that pip downloads. Only names are
taken, as facts. A name in both the male and the female lists keeps a gender only when
the en_US frequency weights favour one side four to one or more (Leslie, Kelly: female;
Jordan is kept neither); otherwise it is left out, and a person with that name has no
known gender.

Run from the repository root:
    pip download --no-deps faker==40.63.0 -d /tmp/faker
    python3 scripts/build_first_names.py /tmp/faker/faker-40.63.0-py3-none-any.whl \
        > data/lexicon/first-names-english.txt
"""
import sys

RATIO = 4.0


def main(wheel):
    sys.path.insert(0, wheel)
    from faker.providers.person.en import Provider as En
    from faker.providers.person.en_US import Provider as Us

    male = set(En.first_names_male) | set(Us.first_names_male)
    female = set(En.first_names_female) | set(Us.first_names_female)
    out = {}
    for name in male | female:
        if name in male and name in female:
            m = Us.first_names_male.get(name, 0.0)
            f = Us.first_names_female.get(name, 0.0)
            if m >= RATIO * f and m > 0:
                out[name] = "m"
            elif f >= RATIO * m and f > 0:
                out[name] = "f"
        else:
            out[name] = "m" if name in male else "f"
    print("# source: English first names and the gender they are mostly given to, from the person "
          "providers of Faker 40.63.0 (faker/providers/person/en and en_US). A name in both lists "
          "keeps the gender its en_US weight favours four to one, else it is left out. Rebuilt by "
          "scripts/build_first_names.py.")
    print("# licence: MIT (Faker). One entry per line; lines starting with # are comments. "
          "Columns: the name as written, then m (male) or f (female).")
    for name in sorted(out):
        print(f"{name}\t{out[name]}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: build_first_names.py FAKER_WHEEL")
    main(sys.argv[1])
