#!/usr/bin/env python3
"""The cartographic QA matrix: renders maps and change maps over frames, dates, presets,
themes and languages with `--qa-report`, gathers what each picture's inspection found, writes
a contact sheet (OUT/index.html: thumbnails with their violations) and compares the
violations with the list of known ones (scripts/qa-known.txt). Exits 1 when a picture breaks a
rule the list does not hold (a new defect), or cannot be made.

Usage: qa_maps.py BIN OUT [--sample] [--jobs N] [--update-known]
  --sample        the few pictures CI draws (a debug binary takes about 20 s)
  --update-known  rewrite scripts/qa-known.txt with the violations found (after a fix)"""
import html, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

args = [a for a in sys.argv[1:] if not a.startswith("--")]
flags = [a for a in sys.argv[1:] if a.startswith("--")]
if len(args) < 2:
    sys.exit(__doc__)
BIN, OUT = args[0], args[1]
SAMPLE = "--sample" in flags
JOBS = next((int(sys.argv[sys.argv.index(f) + 1]) for f in flags if f == "--jobs"), os.cpu_count() or 2)
KNOWN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "qa-known.txt")

NEWEST = "2026-08-22"
# Frames: the whole country, every oblast that saw fighting, and Sumy beside the Kursk salient.
FRONT_OBLASTS = ["UA-14", "UA-09", "UA-23", "UA-65", "UA-63", "UA-59", "UA-12", "UA-48", "UA-74", "UA-32"]
# The newest date, the big events of 2022-2025, and a date in each source period.
DATES = ["2022-03-25", "2022-09-15", "2022-11-20", "2023-06-15", "2024-09-01", "2025-03-20", "2025-08-20", NEWEST]


def pictures(sample):
    """(name, arguments) of every picture of the matrix."""
    out = []
    def render(name, *a): out.append((name, ["render", *a]))
    def diff(name, *a): out.append((name, ["diff", *a]))
    if sample:
        render("national-newest", "--date", NEWEST)
        render("donetsk-newest", "--date", NEWEST, "--region", "UA-14")
        render("zaporizhzhia-advances", "--date", "2025-12-20", "--region", "UA-23", "--advances", "30d")
        render("story", "--date", NEWEST, "--preset", "story")
        render("dark-uk", "--date", NEWEST, "--theme", "dark", "--lang", "uk")
        render("colorblind-2024", "--date", "2024-09-01", "--theme", "colorblind")
        diff("change-year", "--from", "2025-08-22", "--to", NEWEST)
        diff("change-kharkiv-2022", "--from", "2022-09-01", "--to", "2022-10-05", "--region", "UA-63")
        return out
    for d in DATES:
        render(f"national-{d}", "--date", d)
        for r in FRONT_OBLASTS:
            render(f"{r}-{d}", "--date", d, "--region", r)
    for p in ["square", "portrait", "landscape", "story"]:
        render(f"preset-{p}", "--date", NEWEST, "--preset", p)
    for t in ["light", "dark", "print", "colorblind"]:
        for lang in ["en", "uk"]:
            render(f"theme-{t}-{lang}", "--date", "2024-09-01", "--theme", t, "--lang", lang)
    render("advances-zaporizhzhia", "--date", "2025-12-20", "--region", "UA-23", "--advances", "30d")
    render("advances-donetsk", "--date", NEWEST, "--region", "UA-14", "--advances", "30d")
    render("hide-liberated-sumy", "--date", "2022-09-15", "--region", "UA-59", "--hide", "liberated")
    diff("change-year", "--from", "2025-08-22", "--to", NEWEST)
    diff("change-year-donetsk", "--from", "2025-08-22", "--to", NEWEST, "--region", "UA-14")
    diff("change-kharkiv-2022", "--from", "2022-09-01", "--to", "2022-10-05", "--region", "UA-63")
    diff("change-kherson-2022", "--from", "2022-11-01", "--to", "2022-11-20", "--region", "UA-65")
    diff("change-kursk", "--from", "2024-08-05", "--to", "2025-03-20", "--region", "UA-59")
    diff("change-2022-2023", "--from", "2022-11-17", "--to", "2023-11-17")
    diff("change-square", "--from", "2025-08-22", "--to", NEWEST, "--preset", "square")
    # The size of an embed or a column: panels compete for the corners.
    render("national-small", "--date", NEWEST, "--size", "800x600")
    diff("change-kharkiv-small", "--from", "2022-09-01", "--to", "2022-10-05", "--region", "UA-63", "--size", "800x600")
    return out


def make(item):
    name, a = item
    png, report = os.path.join(OUT, name + ".png"), os.path.join(OUT, name + ".json")
    r = subprocess.run([BIN, *a, "-o", png, "--qa-report", report], capture_output=True, text=True)
    if r.returncode != 0:
        return name, a, None, r.stderr.strip().splitlines()[-1:] or [f"exit {r.returncode}"]
    with open(report) as f:
        return name, a, json.load(f), []


def main():
    os.makedirs(OUT, exist_ok=True)
    items = pictures(SAMPLE)
    with ThreadPoolExecutor(JOBS) as pool:
        results = list(pool.map(make, items))
    found = sorted({f"{n}\t{v['check']}\t{v['detail']}" for n, _, rep, _ in results if rep for v in rep["violations"]})
    known = set()
    if os.path.exists(KNOWN):
        known = {l.rstrip("\n") for l in open(KNOWN, encoding="utf-8") if l.strip() and not l.startswith("#")}
    drawn = {n for n, _, rep, _ in results if rep}
    failed = [(n, err) for n, _, rep, err in results if rep is None]
    new = [v for v in found if v not in known]
    gone = sorted(v for v in known if v.split("\t")[0] in drawn and v not in found)
    write_sheet(results, set(new))
    if "--update-known" in flags:
        keep = sorted(v for v in known if v.split("\t")[0] not in drawn)
        with open(KNOWN, "w", encoding="utf-8") as f:
            f.write("# Violations the QA matrix knows of (picture, rule, detail): scripts/qa-maps.sh fails on any other.\n"
                    "# A fix removes its lines: run scripts/qa-maps.sh --update-known after it.\n")
            f.writelines(v + "\n" for v in sorted(set(keep) | set(found)))
    by_rule = {}
    for v in found:
        by_rule[v.split("\t")[1]] = by_rule.get(v.split("\t")[1], 0) + 1
    print(f"qa-maps: {len(drawn)} pictures, {len(found)} violations ({len(new)} new, {len(found) - len(new)} known), "
          f"{len(failed)} failed; contact sheet {os.path.join(OUT, 'index.html')}")
    for rule, n in sorted(by_rule.items(), key=lambda x: -x[1]):
        print(f"  {rule}: {n}")
    for n, err in failed:
        print(f"  FAILED {n}: {' '.join(err)}")
    for v in new:
        print("  NEW " + v.replace("\t", " | "))
    if gone:
        print(f"  {len(gone)} known violations no longer seen: run with --update-known to drop them")
    sys.exit(1 if (new or failed) and "--update-known" not in flags else 0)


def write_sheet(results, new):
    rows = []
    for name, a, rep, err in results:
        def item(v):
            cls = "new" if "\t".join([name, v["check"], v["detail"]]) in new else "known"
            return f"<li class={cls}><b>{html.escape(v['check'])}</b> {html.escape(v['detail'])}</li>"
        items = [f"<li class=fail>{html.escape(' '.join(err))}</li>"] if rep is None else [item(v) for v in rep["violations"]]
        ok = rep is not None and not rep["violations"]
        rows.append(f"<figure class={'ok' if ok else 'bad'}><a href='{html.escape(name)}.png'><img src='{html.escape(name)}.png' loading=lazy></a>"
                    f"<figcaption><code>frontline {html.escape(' '.join(a))}</code><ul>{''.join(items) or '<li>no violations</li>'}</ul>"
                    "</figcaption></figure>")
    with open(os.path.join(OUT, "index.html"), "w", encoding="utf-8") as f:
        f.write("<!doctype html><meta charset=utf-8><title>Frontline map QA</title><style>"
                "body{font:13px system-ui;margin:16px}figure{display:inline-block;vertical-align:top;width:360px;margin:6px;"
                "border:1px solid #ccc;padding:6px}img{max-width:100%;max-height:300px}figure.ok{border-color:#3a3}"
                "li.new{color:#b00}li.known{color:#865}li.fail{color:#b00;font-weight:bold}ul{padding-left:16px}</style>"
                f"<h1>Map QA: {len(results)} pictures</h1>" + "".join(rows))


main()
