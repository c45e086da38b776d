#!/usr/bin/env python3
# tools/make-demo.py — write the demo package and its weekly reports
# Copyright 2026 The Uppföljning authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes data/demo/package.json and data/demo/reports/<DEPT>-<YYYY>-W<WW>.json
# (plus one correction, KS-2026-W36-rev2.json): the action package that
# Lysekil municipality decided on in June 2026 and its follow-up from week 25
# to week 48, as the departments would have reported it.
#
# Python 3 standard library only. The output is deterministic: every random
# choice comes from a random.Random seeded with a fixed string per action and
# week, and nothing reads the clock. Run it again and the bytes are the same.
#
#   tools/make-demo.py            write the files
#   tools/make-demo.py --check    verify the files on disk: up to date with
#                                 this script, valid against the JSON Schemas
#                                 in data/ (needs python3-jsonschema; exit 77
#                                 if it is missing) and true to the format's
#                                 rules and the demo's story
#
# The texts never hold names of young people or personal identity numbers:
# individuals appear only as counts, reporters only as roles.

import argparse
import datetime
import json
import os
import random
import re
import string
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(TOP, "data", "demo")
SCHEMA_DIR = os.path.join(TOP, "data")

SEED = "uppfoljning-demo-2026"
YEAR = 2026
FIRST_WEEK = 25
LAST_WEEK = 48
PACKAGE_CODE = "LYS-TRYGG-2026"

# ---------------------------------------------------------------------------
# The package definition
# ---------------------------------------------------------------------------

GOALS = [
    ("G1", "Vara närvarande på de platser där unga befinner sig på kvällar och helger"),
    ("G2", "Kartlägga och kontakta samtliga individer som är direkt och indirekt involverade"),
    ("G3", "Tillhandahålla en kontaktpunkt för allmänheten även på kvällar och helger"),
    ("G4", "Ökad kommunikation internt och externt"),
]

DEPARTMENTS = [
    ("SOC", "Socialförvaltningen", False),
    ("UTB", "Utbildningsförvaltningen", False),
    ("KS", "Kommunstyrelsens förvaltning", False),
    ("POL", "Polismyndigheten", True),
]


def ind(code, name, unit, target, direction="up"):
    return {"code": code, "name": name, "unit": unit, "target": target,
            "direction": direction}


ACTIONS = [
    {
        "code": "A1",
        "title": "Kvälls- och helgnärvaro av fältassistenter där unga samlas",
        "description": (
            "Socialförvaltningens fältassistenter arbetar uppsökande på kvällar och helger "
            "på de platser där unga befinner sig, bland annat i Stadsparken, vid Södra hamnen "
            "och kring busstationen. Passen planeras utifrån den gemensamma lägesbilden med "
            "polisen. Skolans personal och polisen deltar i utvalda pass."),
        "goal": "G1", "lead": "SOC", "contributors": ["UTB", "POL"],
        "start": "2026-06-15", "deadline": "2026-12-18",
        "indicators": [
            ind("evening-shifts", "Kvälls- och helgpass per vecka", "pass", 4),
            ind("young-people-met", "Unga i samtal under passen", "personer", 40),
        ],
    },
    {
        "code": "A2",
        "title": "Kartläggning av och kontakt med samtliga involverade individer",
        "description": (
            "Socialförvaltningen kartlägger tillsammans med skolan och polisen samtliga "
            "individer som är direkt eller indirekt involverade i händelserna i centrala "
            "Lysekil och tar kontakt med var och en och med deras vårdnadshavare. "
            "Uppföljningen redovisar endast antal; uppgifter om enskilda hanteras i "
            "socialtjänstens dokumentation och ingår aldrig i återrapporten."),
        "goal": "G2", "lead": "SOC", "contributors": ["UTB", "POL"],
        "start": "2026-06-15", "deadline": "2026-09-30",
        "indicators": [
            ind("individuals-mapped", "Kartlagda individer (ackumulerat)", "individer", 45),
            ind("contacts-made", "Individer som fått kontakt (ackumulerat)", "individer", 45),
        ],
    },
    {
        "code": "A3",
        "title": "Kontaktpunkt för allmänheten kvällar och helger",
        "description": (
            "En kontaktpunkt där invånare kan ringa eller chatta med kommunen även på "
            "kvällar och helger om oro, iakttagelser och frågor om trygghetsarbetet. "
            "Kontaktcenter bemannar den med stöd av socialjouren. Akuta ärenden hänvisas "
            "till 112."),
        "goal": "G3", "lead": "KS", "contributors": ["SOC"],
        "start": "2026-06-15", "deadline": "2026-07-03",
        "indicators": [
            ind("contacts", "Samtal och chattar till kontaktpunkten per vecka", "kontakter", 20),
            ind("unanswered", "Obesvarade samtal per vecka", "samtal", 2, "down"),
        ],
    },
    {
        "code": "A4",
        "title": "Veckovis information om trygghetsarbetet på kommunens webbplats",
        "description": (
            "Kommunen publicerar minst en gång i veckan en uppdatering om läget och om vad "
            "som görs i trygghetsarbetet på kommunens webbplats och sprider den i kommunens "
            "sociala kanaler."),
        "goal": "G4", "lead": "KS", "contributors": ["SOC", "UTB"],
        "start": "2026-06-15", "deadline": "2026-12-18",
        "indicators": [
            ind("web-updates", "Publicerade uppdateringar per vecka", "st", 1),
            ind("page-views", "Sidvisningar för trygghetssidan per vecka", "visningar", 1500),
        ],
    },
    {
        "code": "A5",
        "title": "Gemensam lägesbild med Polismyndigheten varje vecka",
        "description": (
            "Varje måndag tar kommunen och polisen fram en gemensam lägesbild över "
            "händelser, platser och tider som kräver insatser. Lägesbilden styr "
            "fältarbetet, polisens närvaro och informationen till allmänheten. "
            "Trygghetssamordnaren sammankallar."),
        "goal": "G4", "lead": "KS", "contributors": ["POL", "SOC", "UTB"],
        "start": "2026-06-15", "deadline": "2026-12-18",
        "indicators": [
            ind("joint-briefings", "Genomförda lägesbildsmöten per vecka", "möten", 1),
            ind("incidents", "Rapporterade händelser i centrala Lysekil per vecka",
                "händelser", 6, "down"),
        ],
    },
    {
        "code": "A6",
        "title": "Sommarförstärkning med 12 poliser i yttre tjänst från vecka 27",
        "description": (
            "Polismyndigheten förstärker under sommaren med 12 poliser i yttre tjänst, "
            "varav fyra utgår från Lysekils polisstation, med fokus på centrala Lysekil "
            "och den lokala problembilden. Förstärkningen pågår vecka 27–33."),
        "goal": "G1", "lead": "POL", "contributors": ["KS"],
        "start": "2026-06-29", "deadline": "2026-08-16",
        "indicators": [
            ind("officers", "Poliser i tjänst i förstärkningen", "poliser", 12),
            ind("patrol-hours", "Timmar i yttre tjänst i centrala Lysekil per vecka",
                "timmar", 150),
        ],
    },
    {
        "code": "A7",
        "title": "Utredning om kamerabevakning på strategiska platser",
        "description": (
            "Kommunstyrelsens förvaltning utreder tillsammans med polisen var "
            "kamerabevakning kan göra störst nytta, vad den kostar och vilka tillstånd som "
            "krävs enligt kamerabevakningslagen. Utredningen ska ge beslutsunderlag till "
            "kommunstyrelsen och, för de platser där det bedöms motiverat, en ansökan om "
            "tillstånd hos Integritetsskyddsmyndigheten (IMY)."),
        "goal": "G1", "lead": "KS", "contributors": ["POL"],
        "start": "2026-06-22", "deadline": "2026-10-30",
        "indicators": [
            ind("places-assessed", "Bedömda platser", "platser", 6),
        ],
    },
    {
        "code": "A8",
        "title": "Utökade kvällsöppettider på fritidsgårdarna",
        "description": (
            "Fritidsgårdarna i centrala Lysekil håller öppet fyra kvällar i veckan, även "
            "under sommaren, med aktiviteter som unga själva har varit med och valt. "
            "Fältassistenterna besöker gårdarna regelbundet."),
        "goal": "G1", "lead": "UTB", "contributors": ["SOC"],
        "start": "2026-06-22", "deadline": "2026-12-18",
        "indicators": [
            ind("open-evenings", "Kvällar med öppen fritidsgård per vecka", "kvällar", 4),
            ind("visitors", "Besök på fritidsgårdarna per vecka", "besök", 120),
        ],
    },
    {
        "code": "A9",
        "title": "Trygghetsuppföljning i skolorna vid höstterminens start",
        "description": (
            "Vid höstterminens start följer utbildningsförvaltningen upp tryggheten på "
            "varje skola: trygghetsvandringar med elever, genomgång av elevhälsans ärenden, "
            "samordning med socialtjänsten och fler vuxna på raster och skolvägar."),
        "goal": "G2", "lead": "UTB", "contributors": ["SOC"],
        "start": "2026-08-10", "deadline": "2026-09-25",
        "indicators": [
            ind("schools", "Skolor med genomförd uppföljning", "skolor", 9),
            ind("absence", "Ogiltig frånvaro på högstadiet", "%", 3, "down"),
        ],
    },
    {
        "code": "A10",
        "title": "Publicering av det detaljerade åtgärdspaketet på kommunens webbplats",
        "description": (
            "Det detaljerade åtgärdspaketet med åtgärder, ansvar och tidplan publiceras på "
            "kommunens webbplats så att alla som vill kan ta del av arbetet."),
        "goal": "G4", "lead": "KS",
        "start": "2026-06-15", "deadline": "2026-06-26",
    },
    {
        "code": "A11",
        "title": "Information till medarbetare om trygghetsarbetet",
        "description": (
            "Medarbetarna i socialförvaltningen, utbildningsförvaltningen och "
            "kommunstyrelsens förvaltning får information om läget, inriktningsbeslutet och "
            "förhållningssättet: offensivt och uppsökande, inkluderande, kravställande och "
            "uppföljande. Informationen ges på arbetsplatsträffar och på intranätet."),
        "goal": "G4", "lead": "KS", "contributors": ["SOC", "UTB"],
        "start": "2026-06-15", "deadline": "2026-09-30",
        "indicators": [
            ind("staff-meetings", "Arbetsplatsträffar med information (ackumulerat)",
                "träffar", 40),
        ],
    },
    {
        "code": "A12",
        "title": "Föräldravandringar fredags- och lördagskvällar",
        "description": (
            "Tillsammans med föreningar och föräldrar organiseras föräldravandringar "
            "fredags- och lördagskvällar i centrala Lysekil. Vuxna i grupp rör sig där unga "
            "är, hälsar och finns till hands. Socialförvaltningen samordnar och utbildar "
            "vandrarna."),
        "goal": "G1", "lead": "SOC", "contributors": ["UTB"],
        "start": "2026-08-14", "deadline": "2026-11-13",
        "indicators": [
            ind("walks", "Föräldravandringar per vecka", "vandringar", 2),
            ind("adults", "Deltagande vuxna per vecka", "vuxna", 12),
        ],
    },
    {
        "code": "A13",
        "title": "Trygghetsvandring och bättre belysning i Stadsparken och centrum",
        "description": (
            "Efter en trygghetsvandring med polis, fältassistenter och boende åtgärdas "
            "mörka och otrygga platser i Stadsparken och centrala Lysekil: ny och "
            "förstärkt belysning, röjning av buskage och lagning av trasig utrustning."),
        "goal": "G1", "lead": "KS", "contributors": ["POL", "SOC"],
        "start": "2026-07-06", "deadline": "2026-10-16",
        "indicators": [
            ind("lighting-points", "Åtgärdade belysningspunkter (ackumulerat)", "st", 30),
        ],
    },
    {
        "code": "A14",
        "title": "Samverkan skola, socialtjänst, polis och fritid (SSPF) för unga i riskzon",
        "description": (
            "En SSPF-grupp med skola, socialtjänst, polis och fritid startas för att ge "
            "unga i riskzon och deras vårdnadshavare samordnat stöd. Uppföljningen "
            "redovisar endast antal; uppgifter om enskilda hanteras med samtycke och i "
            "respektive verksamhets dokumentation."),
        "goal": "G2", "lead": "SOC", "contributors": ["UTB", "POL"],
        "start": "2026-08-17", "deadline": "2026-11-30",
        "indicators": [
            ind("sspf-youths", "Unga med pågående SSPF-insats", "unga", 12),
        ],
    },
]

ACTION_BY_CODE = {a["code"]: a for a in ACTIONS}

# Short names for the reports' summaries.
SHORT = {
    "A1": "kvälls- och helgnärvaron",
    "A2": "kartläggningen och kontakterna",
    "A3": "kontaktpunkten",
    "A4": "webbinformationen",
    "A5": "den gemensamma lägesbilden",
    "A6": "polisens sommarförstärkning",
    "A7": "kamerautredningen",
    "A8": "fritidsgårdarnas kvällsöppet",
    "A9": "trygghetsuppföljningen i skolorna",
    "A10": "publiceringen av åtgärdspaketet",
    "A11": "personalinformationen",
    "A12": "föräldravandringarna",
    "A13": "belysningen i Stadsparken",
    "A14": "SSPF-samverkan",
}


def make_package():
    actions = []
    for a in ACTIONS:
        out = {"code": a["code"], "title": a["title"], "description": a["description"],
               "goal": a["goal"], "lead": a["lead"]}
        if a.get("contributors"):
            out["contributors"] = list(a["contributors"])
        out["start"] = a["start"]
        out["deadline"] = a["deadline"]
        if a.get("indicators"):
            out["indicators"] = [dict(i) for i in a["indicators"]]
        actions.append(out)
    return {
        "format": "uppfoljning-package",
        "version": 1,
        "code": PACKAGE_CODE,
        "revision": 1,
        "title": "Åtgärdspaket för ökad trygghet",
        "organisation": "Lysekils kommun",
        "decided": "2026-06-09",
        "decided_by": "Kommundirektören",
        "reporting": {"first_week": "%d-W%02d" % (YEAR, FIRST_WEEK), "due_weekday": 5},
        "goals": [{"code": c, "title": t} for c, t in GOALS],
        "departments": [{"code": c, "name": n, "partner": p} for c, n, p in DEPARTMENTS],
        "actions": actions,
    }


# ---------------------------------------------------------------------------
# The story: each action's status and progress as its lead reports it
# ---------------------------------------------------------------------------

# (first week, last week, status, progress at first week, progress at last
# week, phase). Before the first segment an action is not started (0 %);
# a "done" segment runs to the end.
TIMELINE = {
    "A1": [(25, 29, "on-track", 10, 32, "run"), (30, 31, "at-risk", 34, 36, "summer"),
           (32, 48, "on-track", 40, 88, "run")],
    "A2": [(25, 27, "on-track", 10, 28, "run"), (28, 31, "at-risk", 31, 40, "summer"),
           (32, 38, "on-track", 50, 94, "recover"), (39, 48, "done", 100, 100, "done")],
    "A3": [(25, 26, "on-track", 40, 70, "setup"), (27, 48, "done", 100, 100, "done")],
    "A4": [(25, 31, "on-track", 5, 30, "run"), (32, 32, "at-risk", 32, 32, "gap"),
           (33, 48, "on-track", 36, 85, "run")],
    "A5": [(25, 48, "on-track", 5, 85, "run")],
    "A6": [(27, 32, "on-track", 15, 85, "run"), (33, 48, "done", 100, 100, "done")],
    "A7": [(26, 35, "on-track", 5, 52, "run"), (36, 36, "on-track", 55, 55, "run"),
           (37, 37, "at-risk", 58, 58, "risk"), (38, 48, "delayed", 60, 80, "delayed")],
    "A8": [(26, 28, "on-track", 10, 25, "run"), (29, 31, "at-risk", 27, 32, "summer"),
           (32, 48, "on-track", 38, 85, "run")],
    "A9": [(34, 37, "on-track", 25, 85, "run"), (38, 48, "done", 100, 100, "done")],
    "A10": [(25, 48, "done", 100, 100, "done")],
    "A11": [(25, 27, "on-track", 10, 25, "run"), (28, 31, "on-track", 28, 36, "summer"),
            (32, 37, "on-track", 45, 92, "run"), (38, 48, "done", 100, 100, "done")],
    "A12": [(34, 37, "on-track", 10, 35, "run"), (38, 40, "at-risk", 37, 42, "risk"),
            (41, 45, "on-track", 50, 90, "run"), (46, 48, "done", 100, 100, "done")],
    "A13": [(28, 39, "on-track", 5, 70, "run"), (40, 43, "delayed", 74, 90, "delayed"),
            (44, 44, "on-track", 95, 95, "run"), (45, 48, "done", 100, 100, "done")],
    "A14": [(34, 48, "on-track", 10, 92, "run")],
}

# The department that skips a week entirely (summer holidays).
MISSING = {("UTB", 33)}

# The correction: KS's report for week 36 said that the camera inquiry was on
# track; on Monday a second report set it at risk.
CORRECTED = ("KS", 36)
CORRECTION_SUBMITTED = datetime.datetime(YEAR, 9, 7, 10, 20)

# Reports that came in on the Monday or Tuesday after their week.
LATE = {("SOC", 29): 0, ("POL", 31): 1, ("POL", 39): 0, ("KS", 41): 0,
        ("SOC", 43): 0, ("UTB", 44): 0}

# Actions whose indicators are still reported once the action is done
# (the contact point and the parent walks go on in ordinary operation).
INDICATORS_AFTER_DONE = {"A3", "A12"}

# An indicator that someone forgot to count one week.
MISSING_VALUES = {("A8", "visitors", 32), ("A1", "young-people-met", 38)}


def lead_state(code, week):
    """Status, progress and phase of @code as its lead reports it in @week."""
    segments = TIMELINE[code]
    if week < segments[0][0]:
        return "not-started", 0, "before"
    for first, last, status, p0, p1, phase in segments:
        if first <= week <= last:
            if last == first:
                p = p0
            else:
                p = round(p0 + (p1 - p0) * (week - first) / (last - first))
            return status, p, phase
    raise AssertionError("no segment for %s in week %d" % (code, week))


# ---------------------------------------------------------------------------
# Indicator values
# ---------------------------------------------------------------------------

A1_SHIFTS = {25: 3, 26: 4, 27: 5, 28: 4, 29: 4, 30: 2, 31: 3, 44: 6}
A2_MAPPED = {25: 18, 26: 27, 27: 33, 28: 36, 29: 37, 30: 38, 31: 38, 32: 40, 33: 42,
             34: 44, 35: 45, 36: 46, 37: 47, 38: 47, 39: 47}
A2_CONTACTS = {25: 6, 26: 13, 27: 19, 28: 21, 29: 22, 30: 23, 31: 24, 32: 29, 33: 33,
               34: 37, 35: 40, 36: 43, 37: 44, 38: 45, 39: 47}
A3_CONTACTS = {25: 12, 26: 21, 27: 34, 28: 31, 29: 38, 30: 41, 31: 29, 32: 27, 33: 24}
A3_UNANSWERED = {25: 6, 26: 3, 27: 4, 30: 5}
A4_UPDATES = {25: 3, 26: 2, 30: 3, 32: 0}
A4_VIEWS = {25: 4870, 26: 3120, 27: 2650, 30: 3940, 32: 780}
A5_INCIDENTS = {25: 14, 26: 12, 27: 11, 28: 9, 29: 10, 30: 12, 31: 8, 32: 7, 33: 7, 34: 9,
                35: 6, 36: 5, 37: 6, 38: 5, 39: 4, 40: 6, 41: 5, 42: 4, 43: 5, 44: 8,
                45: 5, 46: 4, 47: 5, 48: 4}
A6_OFFICERS = {27: 12, 28: 12, 29: 11, 30: 12, 31: 10, 32: 12, 33: 12}
A7_PLACES = {26: 0, 27: 1, 28: 2, 29: 2, 30: 3, 31: 4, 32: 4, 33: 5}
A8_EVENINGS = {26: 3, 27: 4, 28: 4, 29: 2, 30: 2, 31: 3, 44: 5}
A9_SCHOOLS = {34: 2, 35: 4, 36: 6, 37: 8, 38: 9}
A9_ABSENCE = {34: 5.1, 35: 4.6, 36: 4.0, 37: 3.4, 38: 3.1}
A11_MEETINGS = {25: 4, 26: 9, 27: 13, 28: 14, 29: 14, 30: 15, 31: 16, 32: 20, 33: 25,
                34: 30, 35: 34, 36: 37, 37: 39, 38: 41}
A12_WALKS = {34: (1, 6), 35: (2, 11), 36: (2, 13), 37: (1, 7), 38: (1, 5), 39: (0, 0),
             40: (1, 4), 41: (2, 16), 42: (2, 14), 43: (2, 12), 44: (3, 19), 45: (2, 13),
             46: (2, 15), 47: (2, 12), 48: (2, 11)}
A13_LIGHTS = {28: 0, 29: 0, 30: 3, 31: 5, 32: 7, 33: 9, 34: 10, 35: 12, 36: 14, 37: 16,
              38: 18, 39: 18, 40: 19, 41: 19, 42: 22, 43: 26, 44: 29, 45: 30}
A14_YOUTHS = {34: 2, 35: 3, 36: 5, 37: 6, 38: 7, 39: 8, 40: 8, 41: 9, 42: 10, 43: 10,
              44: 11, 45: 11, 46: 12, 47: 12, 48: 13}


def upto(table, week):
    """The value of a cumulative table at @week (the last one at or before)."""
    return table[max(w for w in table if w <= week)]


def indicator_values(code, week, rng):
    if code == "A1":
        shifts = A1_SHIFTS.get(week) or rng.choice([4, 4, 5, 5, 6])
        per_shift = rng.randint(9, 12) if week <= 33 else rng.randint(7, 10)
        return {"evening-shifts": shifts, "young-people-met": shifts * per_shift}
    if code == "A2":
        return {"individuals-mapped": A2_MAPPED[week], "contacts-made": A2_CONTACTS[week]}
    if code == "A3":
        contacts = A3_CONTACTS.get(week) or rng.randint(14, 26)
        unanswered = A3_UNANSWERED.get(week, rng.choice([0, 0, 1, 1, 2, 3]))
        return {"contacts": contacts, "unanswered": unanswered}
    if code == "A4":
        updates = A4_UPDATES.get(week, rng.choice([1, 1, 1, 2]))
        views = A4_VIEWS.get(week) or (2300 - (week - 28) * 45 + rng.randint(-300, 300))
        return {"web-updates": updates, "page-views": views}
    if code == "A5":
        return {"joint-briefings": 2 if week == 30 else 1, "incidents": A5_INCIDENTS[week]}
    if code == "A6":
        return {"officers": A6_OFFICERS[week],
                "patrol-hours": 128 if week == 31 else rng.randint(135, 175)}
    if code == "A7":
        return {"places-assessed": upto(A7_PLACES, week) if week < 34 else 6}
    if code == "A8":
        evenings = A8_EVENINGS.get(week) or rng.choice([4, 4, 4, 5])
        per_evening = rng.randint(18, 26) if week <= 32 else rng.randint(26, 38)
        return {"open-evenings": evenings, "visitors": evenings * per_evening}
    if code == "A9":
        return {"schools": A9_SCHOOLS[week], "absence": A9_ABSENCE[week]}
    if code == "A11":
        return {"staff-meetings": A11_MEETINGS[week]}
    if code == "A12":
        walks, adults = A12_WALKS[week]
        return {"walks": walks, "adults": adults}
    if code == "A13":
        return {"lighting-points": upto(A13_LIGHTS, week)}
    if code == "A14":
        return {"sspf-youths": A14_YOUTHS[week]}
    return {}


# ---------------------------------------------------------------------------
# Texts
# ---------------------------------------------------------------------------

# The weekly topic of the website update (A4).
WEB_TOPICS = {
    25: "åtgärdspaketet och kommundirektörens inriktningsbeslut",
    26: "kontaktpunktens öppettider kvällar och helger",
    27: "polisens sommarförstärkning",
    28: "fritidsgårdarnas sommarprogram",
    29: "läget efter helgen och fältassistenternas arbete",
    30: "oroligheterna i Södra hamnen och vad som görs",
    31: "kontaktpunktens första månad",
    33: "sommarens erfarenheter",
    34: "skolstarten och elevhälsans stöd",
    35: "föräldravandringarna och hur man anmäler sig",
    36: "kamerabevakningsutredningen",
    37: "belysningsarbetet i Stadsparken",
    38: "trygghetsuppföljningen i skolorna",
    39: "resultatet av kartläggningen (endast antal)",
    40: "informationsmötet för föräldrar",
    41: "statistik från den gemensamma lägesbilden",
    42: "höstlovets aktiviteter",
    43: "förseningen av belysningen i Stadsparken",
    44: "höstlovet och halloweenhelgen",
    45: "den nya belysningen i Stadsparken",
    46: "föräldravandringarna i föreningarnas regi",
    47: "SSPF-samverkan för unga i riskzon",
    48: "trygghetsarbetet inför december",
}

ACTIVITIES = [
    "filmkvällen", "gaming-turneringen", "musikkvällen", "matlagningskvällen",
    "pingisturneringen", "kvällsfotbollen i idrottshallen", "karaokekvällen",
    "brädspelskvällen",
]
SUMMER_ACTIVITIES = ["kvällsbadet", "grillkvällen", "padelturneringen", "fisketuren",
                     "utomhusbion", "beachvolleybollen"]

# Per action and phase: comment, next-step and risk templates for the lead.
# Placeholders: indicator codes with '_' for '-', plus week, progress and a
# few derived values (remaining, topic, activity, trend).
LEAD_TEXT = {
    "A1": {
        "run": {
            "comment": [
                "{evening_shifts} kvälls- och helgpass genomförda, främst i Stadsparken och "
                "vid Södra hamnen. Omkring {young_people_met} unga i samtal.",
                "Fältassistenterna har gått {evening_shifts} pass torsdag–lördag och haft "
                "samtal med omkring {young_people_met} unga. Flera frågade efter "
                "fritidsgårdarnas öppettider.",
                "{evening_shifts} pass genomförda enligt plan, varav ett gemensamt med "
                "polisen. Samlingar av unga vid busstationen sent på lördagen, ingen "
                "eskalering.",
                "Lugn vecka med {evening_shifts} pass och omkring {young_people_met} samtal. "
                "Fältassistenterna hänvisade flera unga till fritidsgårdarna.",
                "Närvaron fungerar väl: {young_people_met} samtal under {evening_shifts} pass. "
                "Fokus har legat på busstationen och Kungsgatan.",
                "{evening_shifts} pass genomförda. Färre unga ute sent, men fler yngre i "
                "centrum på fredagskvällen; kontakt tagen med några vårdnadshavare.",
                (32, 40, "{evening_shifts} pass, varav två tillsammans med fritidsgårdens "
                 "personal. Omkring {young_people_met} unga i samtal, många för första gången."),
                (34, 48, "Skolveckorna märks: färre unga ute på vardagskvällarna, fler på "
                 "fredagar. {evening_shifts} pass och omkring {young_people_met} samtal."),
                (40, 48, "Kvällspassen har anpassats till de mörkare kvällarna med mer tid vid "
                 "busstationen och Södra hamnen. {evening_shifts} pass, {young_people_met} "
                 "unga i samtal."),
                (36, 48, "{evening_shifts} pass genomförda. En grupp yngre tonåringar vid "
                 "Kungstorget har fått besök varje kväll; vårdnadshavarna är informerade."),
            ],
            "next": [
                "Fortsatt fast schema torsdag–lördag. Platserna väljs utifrån veckans "
                "lägesbild.",
                "Stämma av passen med polisen på måndagens lägesbildsmöte.",
                "Planera ett gemensamt pass med fritidsgårdens personal.",
                "Följa upp helgens kontakter i kartläggningsgruppen.",
                "Lägga ett extra pass på söndagseftermiddagen vid Södra hamnen.",
            ],
            "risks": [],
        },
        "summer": {
            "comment": [
                "Endast {evening_shifts} pass genomförda på grund av semester och "
                "sjukfrånvaro i fältgruppen. Söndagen i Stadsparken kunde inte täckas.",
                "Bemanningen är fortsatt ansträngd under semesterperioden: {evening_shifts} "
                "pass och omkring {young_people_met} unga i samtal.",
            ],
            "next": [
                "Två timanställda fältassistenter börjar vecka 32. Öppenvården förstärker "
                "helgpassen fram till dess.",
                "Prioritera fredags- och lördagskvällar tills full bemanning är tillbaka.",
            ],
            "risks": [
                "Semesterbemanningen räcker inte till fyra pass per vecka förrän vecka 32.",
                "Vikarierna saknar lokalkännedom; risk för färre kontakter med de unga som "
                "redan är kända.",
            ],
        },
    },
    "A2": {
        "run": {
            "comment": [
                "Kartläggningen omfattar nu {individuals_mapped} individer. {contacts_made} "
                "har fått kontakt, i de flesta fall tillsammans med vårdnadshavare.",
                "Ytterligare individer har identifierats via skolan och polisen; totalt "
                "{individuals_mapped} kartlagda. Kontakt tagen med {contacts_made}.",
                "{contacts_made} av {individuals_mapped} kartlagda har fått kontakt. "
                "Hembesök har gjorts i de familjer som inte svarat på telefon.",
            ],
            "next": [
                "Fortsätta kontakterna; hembesök hos de familjer som inte nåtts per telefon.",
                "Stämma av nya uppgifter med skolan och polisen på måndagens möte.",
            ],
            "risks": [],
        },
        "summer": {
            "comment": [
                "Kontaktarbetet går långsammare under semesterperioden: {contacts_made} av "
                "{individuals_mapped} kartlagda har fått kontakt. Flera familjer är "
                "bortresta.",
                "{contacts_made} av {individuals_mapped} kontaktade. Svårt att nå "
                "vårdnadshavare i juli; planerade hembesök har fått flyttas.",
                (29, 31, "Endast en ny kontakt denna vecka ({contacts_made} av "
                 "{individuals_mapped}). Två handläggare på semester utan ersättare."),
            ],
            "next": [
                "Utökade hembesök vecka 32 när ordinarie personal är tillbaka.",
                "Skicka brev med erbjudande om samtal till de familjer som inte nåtts.",
                "Be skolan om hjälp att nå familjerna vid terminsstarten.",
            ],
            "risks": [
                "Med nuvarande takt nås inte samtliga före deadline 30 september.",
                "Ett par vårdnadshavare avböjer kontakt; det kräver samordning med skolan "
                "efter sommarlovet.",
            ],
        },
        "recover": {
            "comment": [
                (32, 33, "Full bemanning igen och två handläggare avsatta för kontakterna. "
                 "{contacts_made} av {individuals_mapped} har nu fått kontakt."),
                (35, 38, "{contacts_made} av {individuals_mapped} har fått kontakt. Samtliga "
                 "kontaktade har erbjudits stöd, och de flesta har tackat ja."),
                (34, 38, "Skolstarten har gjort det lättare att nå de unga: {contacts_made} "
                 "av {individuals_mapped} kontaktade."),
                "{contacts_made} kontaktade av {individuals_mapped} kartlagda. De "
                "{remaining} som återstår har fått erbjudande om hembesök.",
            ],
            "next": [
                "Kontakt med de {remaining} som återstår före vecka 39.",
                (34, 38, "Erbjuda de kontaktade familjerna fortsatt stöd, vid behov inom SSPF "
                 "(A14)."),
                (32, 33, "Boka hembesök hos de familjer som inte nåddes under sommaren."),
            ],
            "risks": [],
        },
        "done": {
            "comment": [
                "Avslutad vecka 39. Nya individer som identifieras hanteras inom "
                "SSPF-samverkan (A14).",
                "Avslutad. Uppföljningen av de kontaktade sker inom ordinarie insatser.",
                None,
            ],
            "next": [None],
            "risks": [],
        },
    },
    "A3": {
        "setup": {"comment": [], "next": [], "risks": []},
        "done": {
            "comment": [
                "I drift torsdag–söndag 17–22. {contacts} kontakter under veckan och "
                "{unanswered_text}.",
                "{contacts} samtal och chattar; de flesta gällde oro för ungdomsgrupper i "
                "centrum och frågor om fritidsgårdarnas öppettider.",
                "Kontaktpunkten har tagit emot {contacts} kontakter. Några ärenden slussades "
                "vidare till socialjouren.",
                "Lugn vecka med {contacts} kontakter. Flera invånare tackade för den "
                "förstärkta närvaron i centrum.",
            ],
            "next": [
                "Fortsatt drift. Kontaktcenter följer upp svarstiderna.",
                "Sammanställa vanliga frågor till webbsidan (A4).",
                None,
            ],
            "risks": [],
        },
    },
    "A4": {
        "run": {
            "comment": [
                "Veckans uppdatering publicerad om {topic}. {page_views} sidvisningar.",
                "Uppdatering om {topic} publicerad på webbplatsen och delad i sociala "
                "kanaler; {page_views} sidvisningar.",
                "{web_updates_text} publicerade, bland annat om {topic}. Trygghetssidan "
                "hade {page_views} visningar.",
            ],
            "next": [
                "Nästa veckas uppdatering planeras på måndagens lägesbildsmöte.",
                "Ta fram en kort film om fältassistenternas arbete.",
                "Översätta sammanfattningen till lätt svenska och engelska.",
                "Samla in frågor från kontaktpunkten som underlag till nästa uppdatering.",
            ],
            "risks": [],
        },
        "gap": {
            "comment": [
                "Ingen uppdatering publicerad denna vecka på grund av semester på "
                "kommunikationsenheten.",
            ],
            "next": [
                "Kommunikatören är tillbaka vecka 33; två uppdateringar planeras då.",
            ],
            "risks": [
                "Ett uppehåll till riskerar förtroendet för kommunens löfte om veckovis "
                "information.",
            ],
        },
    },
    "A5": {
        "run": {
            "comment": [
                "Lägesbildsmöte genomfört måndag. {incidents} rapporterade händelser i "
                "centrala Lysekil, {trend}.",
                "Veckans lägesbild: {incidents} händelser, främst ordningsstörningar "
                "kvällstid kring busstationen ({trend}).",
                "Gemensam lägesbild klar med polisen. {incidents} händelser, {trend}. "
                "Platserna för helgens kvällspass fastställda.",
                "{incidents} rapporterade händelser, {trend}. Inga nya platser har "
                "tillkommit i lägesbilden.",
            ],
            "next": [
                "Nästa lägesbildsmöte måndag kl. 9.",
                "Följa upp helgens händelser med fältgruppen och polisen.",
                "Redovisa trenden för kommundirektören i månadsrapporten.",
                None,
            ],
            "risks": [],
        },
    },
    "A6": {
        "before": {
            "comment": [
                "Förstärkningen startar vecka 27. Planering av scheman och introduktion pågår.",
                "Schemat är klart. Introduktion av förstärkningen sker måndag vecka 27.",
            ],
            "next": ["Starta förstärkningen måndag vecka 27."],
            "risks": [],
        },
        "run": {
            "comment": [
                "{patrol_hours} timmar i yttre tjänst i centrala Lysekil, med fokus på "
                "fredags- och lördagskvällar. Flera ingripanden mot langning av alkohol.",
                "Förstärkningen med {officers} poliser har gått enligt plan; {patrol_hours} "
                "timmar i centrum. Lugnare nätter än i juni.",
                "{officers} poliser i tjänst och {patrol_hours} timmar i yttre tjänst. "
                "Gemensamma pass med fältassistenterna på lördagen.",
            ],
            "next": [
                "Fortsatt fokus på helgkvällarna och platserna i lägesbilden.",
                "Planera övergången till ordinarie bemanning efter vecka 33.",
            ],
            "risks": [],
        },
        "done": {
            "comment": [
                "Avslutad. Lokalpolisområdet behåller fokus på centrala Lysekil inom ordinarie "
                "bemanning.",
                "Avslutad vecka 33; erfarenheterna har redovisats i den gemensamma lägesbilden.",
                None,
            ],
            "next": [None],
            "risks": [],
        },
    },
    "A7": {
        "before": {
            "comment": ["Utredningen startar vecka 26 efter fortsatt dialog med polisen."],
            "next": ["Uppstartsmöte med polisen vecka 26."],
            "risks": [],
        },
        "run": {
            "comment": [
                (27, 33, "{places_assessed} av sex föreslagna platser bedömda. "
                 "Kostnadsuppskattning för kameror, drift och lagring tas fram."),
                (28, 33, "Platsbesök genomförda tillsammans med polisen; {places_assessed} "
                 "platser bedömda hittills."),
                (27, 30, "Jurist har gått igenom kraven i kamerabevakningslagen. "
                 "Konsekvensbedömning för dataskyddet påbörjad."),
                (31, 33, "Konsekvensbedömningen för dataskyddet pågår; samråd med "
                 "dataskyddsombudet inbokat."),
                (31, 35, "Arbetet följer tidplanen. {places_assessed} platser bedömda; "
                 "underlag till ansökan om tillstånd hos IMY påbörjat."),
            ],
            "next": [
                (26, 33, "Slutföra bedömningen av återstående platser."),
                (28, 34, "Ta fram kostnadskalkyl och konsekvensbedömning."),
                (26, 30, "Stämma av platsurvalet med polisen."),
            ],
            "risks": [],
        },
        "risk": {"comment": [], "next": [], "risks": []},
        "delayed": {
            "comment": [
                "Väntar på besked från IMY. Under tiden tas underlag för upphandling fram.",
                (40, 48, "Ingen förändring: ärendet ligger hos IMY. Kostnadskalkylen för två "
                 "alternativ är klar."),
                "Ärendet ligger kvar hos IMY; inga nya frågor från myndigheten denna vecka.",
                (43, 48, "Finansieringen av en eventuell installation lyfts till "
                 "kommunstyrelsens sammanträde i december. Beskedet från IMY dröjer "
                 "fortfarande."),
            ],
            "next": [
                "Bevaka ärendet hos IMY.",
                (39, 44, "Föreslå kommundirektören en ny tidplan för utredningen."),
                (46, 48, "Återkomma till kommundirektören när IMY:s besked har kommit."),
                "Förbereda beslutsunderlag till kommunstyrelsen.",
            ],
            "risks": [
                "IMY:s handläggningstid styr tidplanen och ligger utanför kommunens kontroll.",
                "Kostnaden för drift och lagring är inte budgeterad för 2027.",
                "Beslut om kamerabevakning kan tidigast komma under första kvartalet 2027.",
            ],
        },
    },
    "A8": {
        "before": {
            "comment": ["Utökade öppettider startar vecka 26. Sommarschema och personal "
                        "planeras."],
            "next": ["Öppna fyra kvällar i veckan från vecka 26."],
            "risks": [],
        },
        "run": {
            "comment": [
                "Fritidsgårdarna hade öppet {open_evenings} kvällar och tog emot {visitors} "
                "besök. Populärast var {activity}.",
                "{visitors} besök under {open_evenings} kvällar. Fältassistenterna var på "
                "plats på fredagen.",
                "Öppet {open_evenings} kvällar med {visitors} besök, fler nya besökare än "
                "tidigare. Ungdomsrådet har planerat {activity}.",
                "{open_evenings} kvällar öppet. Besöken ({visitors}) ligger på en stabil "
                "nivå; {activity} lockade många.",
            ],
            "next": [
                "Fortsätta med fyra kvällar i veckan. Fler aktiviteter som de unga själva "
                "föreslår.",
                "Samordna helgens öppettider med fältassistenternas pass.",
                "Utvärdera öppettiderna med ungdomsrådet.",
            ],
            "risks": [],
        },
        "summer": {
            "comment": [
                "Endast {open_evenings} kvällar öppet på grund av vakanser under semestern. "
                "{visitors} besök.",
                "Öppet {open_evenings} kvällar. Två sommarvikarier har slutat, så "
                "torsdagskvällen ställdes in.",
            ],
            "next": [
                "Rekrytering av två sommarvikarier pågår; full öppettid från vecka 32.",
                "Låna personal från fritidshemmen till fredagskvällarna.",
            ],
            "risks": [
                "Unga som inte har någonstans att vara samlas i stället i centrum kvällstid.",
                "Utan vikarier kan bara två kvällar hållas öppet.",
            ],
        },
    },
    "A9": {
        "before": {
            "comment": [
                (25, 25, "Startar vid höstterminens början. Planering med rektorerna pågår."),
                (26, 26, "Upplägget för trygghetsvandringar med elever är klart."),
                (27, 31, "Sommaruppehåll; åtgärden startar 10 augusti."),
                (27, 31, "Ingen aktivitet under sommaruppehållet."),
                (32, 32, "Rektorerna är tillbaka; schema för trygghetsvandringarna på varje "
                 "skola är klart."),
            ],
            "next": ["Genomföra trygghetsvandringar de första skolveckorna."],
            "risks": [],
        },
        "run": {
            "comment": [
                "Trygghetsvandringar genomförda på {schools} av nio skolor. Ogiltig frånvaro "
                "på högstadiet {absence} procent.",
                "{schools} av nio skolor klara. Fler vuxna ute på raster och vid "
                "busshållplatserna. Ogiltig frånvaro {absence} procent.",
                "Elevhälsans ärenden genomgångna på {schools} skolor; samordning med "
                "socialtjänsten där det behövs. Frånvaron {absence} procent och sjunkande.",
            ],
            "next": [
                "Slutföra de återstående skolorna före vecka 39.",
                "Sammanställa elevernas synpunkter från trygghetsvandringarna.",
            ],
            "risks": [],
        },
        "done": {
            "comment": [
                "Avslutad vecka 38. Elevhälsan följer upp resultaten i det ordinarie arbetet.",
                "Avslutad. Vuxennärvaron på raster fortsätter som en del av skolornas "
                "trygghetsplaner.",
                None,
            ],
            "next": [None],
            "risks": [],
        },
    },
    "A10": {
        "done": {
            "comment": [
                "Avslutad vecka 25.",
                "Avslutad. Sidan med åtgärdspaketet uppdateras inom A4.",
                None,
            ],
            "next": [None],
            "risks": [],
        },
    },
    "A11": {
        "run": {
            "comment": [
                "Information given på {staff_meetings} arbetsplatsträffar hittills. "
                "Intranätsidan uppdaterad.",
                "{staff_meetings} arbetsplatsträffar genomförda med information om läget och "
                "förhållningssättet. Bra frågor om hur personalen ska agera kvällstid.",
                "Chefsbrev skickat till alla chefer. {staff_meetings} arbetsplatsträffar med "
                "information hittills.",
            ],
            "next": [
                "Nå de arbetsplatser som återstår, främst inom hemtjänsten och kultur.",
                "Uppdatera intranätet med veckans lägesbild.",
            ],
            "risks": [],
        },
        "summer": {
            "comment": [
                "Få arbetsplatsträffar under semesterperioden ({staff_meetings} totalt). "
                "Informationen ges i stället via intranätet och chefsbrev.",
                "Semesteruppehåll för arbetsplatsträffarna; {staff_meetings} genomförda "
                "hittills. Intranätet uppdateras veckovis.",
            ],
            "next": ["Återuppta arbetsplatsträffarna i augusti."],
            "risks": [],
        },
        "done": {
            "comment": [
                "Avslutad. Fortsatt information via intranätet.",
                "Avslutad vecka 38.",
                None,
            ],
            "next": [None],
            "risks": [],
        },
    },
    "A12": {
        "before": {
            "comment": [
                (25, 27, "Upplägget tas fram tillsammans med föräldraföreningar som har "
                 "erfarenhet från andra kommuner."),
                (25, 29, "Samtal med idrottsföreningarna om att bidra med vuxna till "
                 "vandringarna."),
                (27, 31, "Startar i mitten av augusti. Föräldrar rekryteras via skolorna "
                 "efter sommarlovet."),
                (31, 33, "Informationsmaterial och reflexvästar beställda."),
                (32, 33, "Utbildning för de första vandrarna är planerad till vecka 33."),
            ],
            "next": ["Första vandringen fredag 14 augusti."],
            "risks": [],
        },
        "run": {
            "comment": [
                "{walks} vandringar med sammanlagt {adults} vuxna. Positivt bemötande från "
                "unga och näringsidkare.",
                "Föräldravandringar fredag och lördag med {adults} deltagare. Lugnt i "
                "centrum; vandrarna hade många korta samtal.",
                "{walks} vandringar, {adults} vuxna. Fältassistenterna gick med under första "
                "timmen.",
            ],
            "next": [
                "Fortsatt rekrytering via föräldramöten och föreningar.",
                (34, 37, "Bjuda in till vandringarna på höstens föräldramöten."),
                (41, 45, "Utse en samordnare bland föräldrarna."),
            ],
            "risks": [],
        },
        "risk": {
            "comment": [
                "Bara {walks} vandring denna vecka med {adults} vuxna; för få anmälda "
                "föräldrar.",
            ],
            "next": [
                "Informationsmöte för föräldrar på högstadiet vecka 40 och förfrågan till "
                "idrottsföreningarna.",
            ],
            "risks": [
                "Utan fler frivilliga kan vandringarna inte hållas varje helg under hösten.",
            ],
        },
        "done": {
            "comment": [
                "Vandringarna fortsätter i föreningarnas regi: {walks} vandringar och "
                "{adults} vuxna denna vecka.",
                "{walks} vandringar med {adults} vuxna. Samordnaren bland föräldrarna håller "
                "i schemat.",
            ],
            "next": [None],
            "risks": [],
        },
    },
    "A13": {
        "before": {
            "comment": [
                "Trygghetsvandring planerad till vecka 28 med polis, fältassistenter och "
                "boende.",
                "Inbjudan till trygghetsvandringen skickad till boende och näringsidkare.",
            ],
            "next": ["Genomföra trygghetsvandringen vecka 28."],
            "risks": [],
        },
        "run": {
            "comment": [
                (30, 31, "{lighting_points} av 30 belysningspunkter åtgärdade. Röjningen av "
                 "buskage vid gångvägen genom parken är klar."),
                (32, 39, "{lighting_points} av 30 belysningspunkter åtgärdade. Nya armaturer "
                 "vid lekplatsen och gångvägen är på plats."),
                (31, 48, "Montering av armaturer pågår; {lighting_points} av 30 punkter "
                 "klara."),
                (29, 30, "Röjning av buskage pågår. Belysningsplanen är klar."),
                "{lighting_points} av 30 belysningspunkter klara. Trasiga bänkar i "
                "Stadsparken lagade.",
            ],
            "next": [
                (31, 48, "Fortsatt montering enligt tidplan."),
                (29, 36, "Beställa de armaturer som återstår."),
                "Boka uppföljande trygghetsvandring när arbetet är klart.",
            ],
            "risks": [],
        },
        "delayed": {
            "comment": [
                (40, 40, "Leverantören har skjutit upp leveransen av armaturer till "
                 "Stadsparken. {lighting_points} av 30 punkter klara."),
                (41, 42, "Fortfarande väntan på armaturer; {lighting_points} av 30 punkter "
                 "klara."),
            ],
            "next": [
                "Tillfällig belysning vid gångvägen sätts upp i väntan på leveransen.",
                "Daglig kontakt med leverantören om leveransdatum.",
            ],
            "risks": [
                "Arbetet blir inte klart till deadline 16 oktober; de mörka kvällarna gör "
                "bristerna mer kännbara.",
            ],
        },
        "done": {
            "comment": [
                "Avslutad vecka 45.",
                "Avslutad. Felanmälningar om belysningen hanteras i ordinarie drift.",
                None,
            ],
            "next": [None],
            "risks": [],
        },
    },
    "A14": {
        "before": {
            "comment": [
                (25, 29, "Startar vecka 34. Samverkansöverenskommelse med polisen och skolan "
                 "tas fram."),
                (27, 31, "Överenskommelsen om SSPF är under remiss hos skolan och polisen."),
                (30, 33, "Rutin för samtycke från vårdnadshavare klar."),
                (32, 33, "Överenskommelsen är undertecknad av socialchef, skolchef och "
                 "lokalpolisområdeschef."),
            ],
            "next": ["Första SSPF-mötet vecka 34."],
            "risks": [],
        },
        "run": {
            "comment": [
                "{sspf_youths} unga har nu en pågående SSPF-insats, samtliga med "
                "vårdnadshavares samtycke.",
                "SSPF-gruppen möts varje tisdag. {sspf_youths} pågående insatser.",
                (38, 48, "{sspf_youths} pågående insatser. Fritidsgårdarna deltar nu i "
                 "gruppens möten."),
            ],
            "next": [
                "Fortsatta veckomöten i SSPF-gruppen.",
                (34, 44, "Utvärdera arbetssättet med skolan och polisen i november."),
                (42, 48, "Ta fram en plan för hur SSPF fortsätter efter 30 november."),
            ],
            "risks": [],
        },
    },
}

# Fixed texts for the story's turning points (lead entries). A key set to
# None leaves that field out.
EVENTS = {
    ("A1", 25): {"comment": "Fältassistenterna har gått över till kvälls- och helgtjänstgöring. "
                            "{evening_shifts} pass första veckan och omkring {young_people_met} "
                            "unga i samtal i Stadsparken och vid busstationen.",
                 "next_steps": "Fast schema torsdag–lördag från vecka 26."},
    ("A1", 32): {"comment": "Full bemanning igen med två nya timanställda fältassistenter. "
                            "{evening_shifts} pass och omkring {young_people_met} unga i samtal."},
    ("A1", 44): {"comment": "Höstlov: {evening_shifts} kvällspass och extra närvaro "
                            "dagtid i centrum. Halloweenhelgen var stökig vid busstationen men "
                            "utan allvarliga händelser."},
    ("A2", 25): {"comment": "Kartläggningen har startat tillsammans med skolan och polisen. "
                            "{individuals_mapped} individer kartlagda, {contacts_made} "
                            "kontaktade.",
                 "next_steps": "Kontakta samtliga kartlagda och deras vårdnadshavare."},
    ("A2", 39): {"comment": "Samtliga {individuals_mapped} kartlagda individer har fått kontakt. "
                            "Åtgärden avslutas; det fortsatta arbetet sker inom ordinarie "
                            "insatser och SSPF (A14).",
                 "next_steps": None},
    ("A3", 25): {"comment": "Ett tillfälligt telefonnummer är öppet fredag–söndag 17–22 från och "
                            "med denna vecka. {contacts} samtal, {unanswered} obesvarade på "
                            "grund av kö i starten.",
                 "next_steps": "Utöka till torsdag–söndag och förbereda chatten."},
    ("A3", 26): {"comment": "Telefonen är öppen torsdag–söndag kvällstid. Chatten testas internt "
                            "och öppnar nästa vecka. {contacts} samtal.",
                 "next_steps": "Öppna chatten vecka 27."},
    ("A3", 27): {"comment": "Chatt och telefon i drift torsdag–söndag 17–22. Kontaktpunkten är "
                            "därmed inrättad; driften fortsätter i kontaktcenters ordinarie "
                            "verksamhet.",
                 "next_steps": "Följa upp antalet kontakter och svarstiderna varje vecka."},
    ("A3", 30): {"comment": "{contacts} kontakter, fler än vanligt efter oroligheterna i Södra "
                            "hamnen natten mot söndag. {unanswered} samtal hann inte besvaras.",
                 "next_steps": "Extra bemanning nästa helg."},
    ("A4", 25): {"comment": "Åtgärdspaketet och inriktningsbeslutet publicerade. "
                            "{web_updates_text} och {page_views} sidvisningar under första "
                            "veckan."},
    ("A4", 33): {"comment": "Två uppdateringar publicerade efter uppehållet förra veckan, bland "
                            "annat om {topic}."},
    ("A5", 25): {"comment": "Första gemensamma lägesbilden med polisen togs fram måndag. "
                            "{incidents} rapporterade händelser i centrala Lysekil.",
                 "next_steps": "Lägesbildsmöte varje måndag kl. 9 under hela perioden."},
    ("A5", 30): {"comment": "Två lägesbildsmöten denna vecka efter oroligheterna i Södra hamnen "
                            "natten mot söndag. {incidents} händelser ({trend}).",
                 "next_steps": "Extra pass för fältassistenter och polis nästa helg."},
    ("A5", 34): {"comment": "Skolstarten gav fler händelser ({incidents}) kring skolorna och "
                            "busstationen på eftermiddagarna."},
    ("A5", 44): {"comment": "Höstlovet och halloweenhelgen gav {incidents} rapporterade "
                            "händelser. Extra kvällspass beslutades på måndagens möte.",
                 "next_steps": "Följa upp om ökningen håller i sig efter lovet."},
    ("A6", 25): {"comment": "Förstärkningen startar vecka 27. Planering av scheman och "
                            "introduktion pågår."},
    ("A6", 26): {"comment": "Schemat är klart. Introduktionen av förstärkningen sker måndag "
                            "vecka 27."},
    ("A6", 27): {"comment": "Sommarförstärkningen har startat med {officers} poliser i yttre "
                            "tjänst, varav fyra från Lysekils polisstation. {patrol_hours} timmar "
                            "i centrala Lysekil."},
    ("A6", 29): {"comment": "{officers} poliser i tjänst på grund av sjukfrånvaro; "
                            "helgkvällarna bemannades ändå fullt. {patrol_hours} timmar i "
                            "centrum."},
    ("A6", 31): {"comment": "{officers} poliser i tjänst denna vecka efter omprioritering till "
                            "en annan ort i två dygn. {patrol_hours} timmar i centrum.",
                 "risks": "Fler omprioriteringar kan minska närvaron de sista veckorna."},
    ("A6", 33): {"comment": "Sommarförstärkningen avslutades söndag vecka 33 enligt plan, med "
                            "{officers} poliser i tjänst sista veckan.",
                 "next_steps": "Redovisa erfarenheterna i lägesbilden vecka 34."},
    ("A7", 26): {"comment": "Uppstartsmöte med polisen. Förslag på sex platser att bedöma, bland "
                            "annat Stadsparken, busstationen och Södra hamnen."},
    ("A7", 34): {"comment": "Samtliga sex platser bedömda; fyra föreslås gå vidare till ansökan "
                            "om tillstånd hos IMY."},
    ("A7", 35): {"comment": "Kostnadskalkylen är klar. Ansökan till IMY för fyra platser skrivs, "
                            "och polisens yttrande om platserna har begärts.",
                 "next_steps": "Skicka ansökan till IMY vecka 37."},
    ("A7", 36): {"comment": "Utredningen följer plan. Ansökan om tillstånd hos IMY för fyra "
                            "platser färdigställs och skickas vecka 37.",
                 "next_steps": "Skicka ansökan till IMY vecka 37."},
    ("A7", 37): {"comment": "Polisens yttrande väntas vecka 38. Konsekvensbedömningen "
                            "kompletteras med en bedömning av integritetsintrånget nattetid.",
                 "next_steps": "Skicka ansökan så snart yttrandet har kommit.",
                 "risks": "Utredningen hinner inte bli klar till 30 oktober om yttrandet "
                          "dröjer längre."},
    ("A7", 38): {"comment": "Ansökan skickad till IMY för fyra platser. IMY anger en "
                            "handläggningstid på minst tre månader, så utredningen kan inte "
                            "slutföras före deadline 30 oktober.",
                 "next_steps": "Föreslå kommundirektören en ny tidplan.",
                 "risks": "Beslut om kamerabevakning kan tidigast komma under första "
                          "kvartalet 2027."},
    ("A7", 42): {"comment": "IMY har begärt komplettering om bevakningstider nattetid; svar "
                            "lämnat inom en vecka."},
    ("A7", 45): {"comment": "Deadline 30 oktober har passerat utan att utredningen är klar. "
                            "Förslag till ny tidplan lämnat till kommundirektören: utredningen "
                            "slutförs när IMY:s besked har kommit.",
                 "next_steps": "Invänta kommundirektörens beslut om ny deadline."},
    ("A8", 32): {"comment": "Full öppettid igen med {open_evenings} kvällar. Besöksräkningen "
                            "fungerade inte denna vecka, så antalet besök saknas."},
    ("A8", 44): {"comment": "Höstlov: öppet {open_evenings} kvällar och även dagtid. "
                            "{visitors} besök, den högsta siffran hittills."},
    ("A9", 34): {"comment": "Höstterminen har startat. Trygghetsvandringar genomförda på "
                            "{schools} av nio skolor. Ogiltig frånvaro på högstadiet "
                            "{absence} procent."},
    ("A9", 38): {"comment": "Samtliga nio skolor har genomfört trygghetsuppföljningen. "
                            "Resultaten förs in i elevhälsans ordinarie arbete. Ogiltig frånvaro "
                            "på högstadiet {absence} procent.",
                 "next_steps": None},
    ("A10", 25): {"comment": "Åtgärdspaketet publicerades på kommunens webbplats tisdag 16 juni "
                             "tillsammans med kommundirektörens inriktningsbeslut.",
                  "next_steps": "Uppdateringar publiceras veckovis inom A4."},
    ("A11", 25): {"comment": "Kommundirektörens information till alla chefer genomförd. "
                             "{staff_meetings} arbetsplatsträffar med information hittills.",
                  "next_steps": "Alla chefer informerar sina medarbetare före semestrarna."},
    ("A11", 38): {"comment": "Samtliga arbetsplatser har fått informationen; {staff_meetings} "
                             "arbetsplatsträffar genomförda. Fortsatt information via "
                             "intranätet.",
                  "next_steps": None},
    ("A12", 34): {"comment": "Första föräldravandringen genomfördes fredag 14 augusti med "
                             "{adults} vuxna. Bra mottagande i centrum."},
    ("A12", 37): {"comment": "Bara en vandring denna vecka med {adults} vuxna; lördagens "
                             "vandring ställdes in. Intresset har svalnat efter starten."},
    ("A12", 39): {"comment": "Ingen vandring genomförd denna vecka; för få anmälda föräldrar.",
                  "risks": "Utan fler frivilliga kan vandringarna inte hållas varje helg "
                           "under hösten."},
    ("A12", 41): {"comment": "Efter informationsmötet har många nya vuxna anmält sig. {walks} "
                             "vandringar med {adults} deltagare.",
                  "next_steps": "Ta fram ett fast schema för resten av hösten."},
    ("A12", 46): {"comment": "Föräldravandringarna är etablerade med fast schema fredag och "
                             "lördag och en samordnare bland föräldrarna. Åtgärden avslutas; "
                             "vandringarna fortsätter i föreningarnas regi med stöd av "
                             "fältgruppen.",
                  "next_steps": None},
    ("A13", 28): {"comment": "Trygghetsvandring genomförd med polis, fältassistenter och boende. "
                             "Trettio belysningspunkter och fyra buskage prioriterade.",
                  "next_steps": "Ta fram en belysningsplan och beställa armaturer."},
    ("A13", 39): {"comment": "{lighting_points} av 30 punkter klara. Leverantören har ännu inte "
                             "bekräftat leveransdatum för de sista armaturerna.",
                  "next_steps": "Kräva besked om leveransdatum från leverantören."},
    ("A13", 43): {"comment": "Deadline har passerat. Armaturerna har levererats; montering pågår "
                             "och beräknas vara klar vecka 45. {lighting_points} av 30 punkter "
                             "klara.",
                  "next_steps": "Slutföra monteringen och boka den uppföljande "
                                "trygghetsvandringen.",
                  "risks": "Ytterligare förseningar i monteringen kan skjuta klart-datum till "
                           "vecka 46."},
    ("A13", 44): {"comment": "{lighting_points} av 30 punkter klara; den sista monteringen görs "
                             "vecka 45.",
                  "next_steps": "Uppföljande trygghetsvandring vecka 45."},
    ("A13", 45): {"comment": "Samtliga 30 belysningspunkter åtgärdade. Den uppföljande "
                             "trygghetsvandringen gav ett positivt resultat.",
                  "next_steps": None},
    ("A14", 36): {"comment": "Två nya ärenden aktualiserade via skolan; totalt {sspf_youths} "
                             "pågående insatser."},
    ("A14", 40): {"comment": "Oförändrat {sspf_youths} pågående insatser; ett ärende har "
                             "avslutats och ett nytt har påbörjats."},
    ("A14", 43): {"comment": "Inga nya ärenden denna vecka; {sspf_youths} pågående insatser."},
    ("A14", 45): {"comment": "{sspf_youths} pågående insatser. Ett ärende avslutat efter att "
                             "målen nåtts, ett nytt aktualiserat via polisen."},
    ("A14", 47): {"comment": "Inga nya ärenden denna vecka; {sspf_youths} pågående insatser. "
                             "Utvärderingen med skolan och polisen är genomförd."},
    ("A14", 34): {"comment": "Första SSPF-mötet genomfört. {sspf_youths} unga har fått en "
                             "SSPF-insats med vårdnadshavares samtycke."},
}

# KS week 36, second version: the camera inquiry was not on track after all.
CORRECTION_ENTRY = {
    "status": "at-risk",
    "comment": "Rättelse av veckans rapport: statusen ska vara risk, inte enligt plan. "
               "Polisens yttrande om två av platserna har inte kommit, och "
               "konsekvensbedömningen behöver kompletteras innan ansökan kan skickas till IMY.",
    "next_steps": "Skicka ansökan så snart polisens yttrande har kommit.",
    "risks": "Ansökan kan inte skickas vecka 37. Dröjer yttrandet ytterligare hinner "
             "utredningen inte bli klar till 30 oktober.",
}

# Contributors' texts per action and department: "before" (not started),
# "summer" (weeks 26–33, if present), "active", "done"; and "next".
CONTRIB_TEXT = {
    ("A1", "UTB"): {
        "summer": ["Sommarlov; fritidsgårdens personal deltog i ett helgpass.",
                   "Ingen skolpersonal i tjänst under sommarlovet. Fritidsledare gick med "
                   "fältassistenterna på lördagen.",
                   "Fritidsledarna hänvisar unga från centrum till fritidsgårdarna på "
                   "kvällarna.",
                   "Inget deltagande från utbildningsförvaltningen denna vecka."],
        "active": ["Skolkuratorer och fritidsledare deltog i {k} av kvällspassen.",
                   "Skolans personal deltog i ett fredagspass och informerade om elevhälsans "
                   "kontaktvägar.",
                   (34, 38, "Lärare och fritidsledare har lämnat uppgifter om var eleverna "
                    "brukar samlas."),
                   (34, 35, "Elevhälsan har fått fältassistenternas schema inför "
                    "terminsstarten."),
                   "Inget deltagande från skolan denna vecka."],
    },
    ("A1", "POL"): {
        "active": ["Kommunpolisen gick gemensamt pass med fältassistenterna på fredagskvällen.",
                   "Polisen har lämnat underlag om platser till kvällspassen via lägesbilden.",
                   "Patrullerna har samordnats med fältassistenternas pass; två gemensamma "
                   "pass under helgen.",
                   "Ingen gemensam patrull denna vecka, men löpande kontakt under helgen."],
    },
    ("A2", "UTB"): {
        "summer": [(25, 26, "Elevhälsan deltog i kartläggningsmötet före "
                    "sommaruppehållet."),
                   (27, 33, "Elevhälsan är på semester; rektorerna nås vid behov."),
                   (28, 33, "Skolorna har inte kunnat bidra under sommarlovet.")],
        "active": ["Elevhälsan har deltagit i samråd kring kartläggningen.",
                   "Skolorna hjälper till att nå vårdnadshavare vid terminsstarten.",
                   "{k} orosanmälningar gjorda av skolan under veckan."],
        "done": ["Avslutad.", None],
    },
    ("A2", "POL"): {
        "active": ["Polisen har delgett underlag inom ramen för gällande sekretessregler.",
                   "Avstämning med socialtjänsten om nya uppgifter i lägesbilden.",
                   "Inga nya uppgifter från polisen denna vecka."],
        "done": ["Avslutad. Nya uppgifter lämnas via SSPF (A14).", None],
    },
    ("A3", "SOC"): {
        "active": ["Socialjouren tog emot {k} ärenden som slussats från kontaktpunkten.",
                   "Inga ärenden slussade till socialjouren denna vecka.",
                   "Rutinen för överlämning till socialjouren har uppdaterats."],
        "done": ["Socialjouren tog emot {k} ärenden från kontaktpunkten.",
                 "Inga ärenden från kontaktpunkten till socialjouren denna vecka.",
                 None],
    },
    ("A4", "SOC"): {
        "active": ["Underlag om fältarbetet lämnat till kommunikationsenheten.",
                   "Socialförvaltningen har bidragit med en text om stöd till föräldrar.",
                   "Inget underlag denna vecka."],
    },
    ("A4", "UTB"): {
        "summer": ["Inget underlag under sommarlovet.",
                   (25, 27, "Fritidsgårdarnas sommarprogram lämnat till webben.")],
        "active": ["Text om skolornas trygghetsarbete lämnad till webben.",
                   "Information om fritidsgårdarnas öppettider lämnad till webben.",
                   "Inget underlag denna vecka."],
    },
    ("A5", "POL"): {
        "active": ["Polisens underlag om anmälda brott och ordningsstörningar levererat inför "
                   "mötet.",
                   "Polisen deltog på måndagens lägesbildsmöte och redovisade helgens "
                   "ingripanden.",
                   "Underlag levererat. Polisen ser en fortsatt koncentration till "
                   "busstationen på helgkvällarna."],
    },
    ("A5", "SOC"): {
        "active": ["Fältgruppen och socialjouren deltog på måndagens möte.",
                   "Socialförvaltningens iakttagelser från helgens pass inlämnade.",
                   "Fältgruppen rapporterade en lugnare helg i Stadsparken."],
    },
    ("A5", "UTB"): {
        "summer": ["Fritidsgårdarna rapporterade läget under sommaren.",
                   "Ingen representant från skolan under sommarlovet."],
        "active": ["Skolornas trygghetsgrupp deltog och rapporterade läget på skolorna.",
                   "Rektor för högstadiet deltog på lägesbildsmötet.",
                   "Skolorna rapporterade inga nya händelser."],
    },
    ("A6", "KS"): {
        "before": ["Kommunen förbereder lokaler för förstärkningens genomgångar."],
        "active": ["Trygghetssamordnaren deltar i polisens veckovisa uppföljning.",
                   "Kommunen har ordnat lokaler för förstärkningens genomgångar.",
                   "Kommunikationsenheten har informerat om förstärkningen på webben."],
        "done": ["Avslutad.", None],
    },
    ("A7", "POL"): {
        "active": [(26, 35, "Polisen har bidragit med brottsstatistik per plats."),
                   (26, 33, "Polisen deltog i platsbesöken."),
                   (28, 35, "Polisen har lämnat synpunkter på platsurvalet."),
                   (39, 48, "Polisen bevakar ärendet hos IMY tillsammans med kommunen."),
                   (39, 48, "Inget nytt från polisen medan ärendet ligger hos IMY.")],
    },
    ("A8", "SOC"): {
        "active": ["Fältassistenterna besökte fritidsgårdarna {k} kvällar.",
                   "En fältassistent finns på fritidsgården varje fredag.",
                   "Fältassistenterna hänvisar unga från centrum till fritidsgårdarna."],
    },
    ("A9", "SOC"): {
        "before": ["Socialtjänsten förbereder deltagande i elevhälsomöten vid terminsstart."],
        "active": ["Socialtjänsten deltog i elevhälsomöten på {k} skolor.",
                   "Samordning kring elever med pågående insatser."],
        "done": ["Avslutad.", None],
    },
    ("A11", "SOC"): {
        "summer": ["Informationen ges via intranätet under semesterperioden.",
                   (27, 31, "Inga arbetsplatsträffar under juli.")],
        "active": ["Information given på {k} arbetsplatsträffar inom förvaltningen.",
                   (36, 37, "Alla enhetschefer har informerat sina medarbetare."),
                   "Fältgruppen presenterade sitt arbete på förvaltningens ledningsgrupp."],
        "done": ["Avslutad.", None],
    },
    ("A11", "UTB"): {
        "summer": ["Sommarlov; informationen ges på höstens uppstartsdagar.",
                   "Inga arbetsplatsträffar under sommarlovet."],
        "active": [(33, 38, "Rektorerna har informerat personalen på {k} skolor."),
                   (33, 35, "Informationen togs upp på höstens uppstartsdagar."),
                   "Information given på arbetsplatsträffar på fritidsgårdarna."],
        "done": ["Avslutad.", None],
    },
    ("A12", "UTB"): {
        "before": ["Information om föräldravandringarna skickas till vårdnadshavare vid "
                   "terminsstart."],
        "active": ["Information om vandringarna skickad till vårdnadshavare via skolornas "
                   "lärplattform.",
                   "Rektorerna har tagit upp föräldravandringarna på föräldramöten.",
                   (38, 40, "Skolorna har hjälpt till att bjuda in till informationsmötet.")],
        "done": ["Skolorna fortsätter att informera om vandringarna.", None],
    },
    ("A13", "POL"): {
        "before": ["Polisen deltar i trygghetsvandringen vecka 28."],
        "active": [(28, 31, "Polisen har pekat ut platser med återkommande "
                    "ordningsstörningar."),
                   "Inga nya synpunkter från polisen denna vecka.",
                   (40, 43, "Mörka partier i parken används fortfarande som samlingsplats i "
                    "väntan på den nya belysningen."),
                   (33, 48, "Polisen ser färre störningar på de platser som fått ny "
                    "belysning.")],
        "done": ["Avslutad.", None],
    },
    ("A13", "SOC"): {
        "before": ["Fältassistenterna samlar in synpunkter från unga inför "
                   "trygghetsvandringen."],
        "active": [(28, 32, "Fältassistenterna har lämnat synpunkter från unga på platser som "
                    "upplevs otrygga."),
                   (40, 43, "Unga efterfrågar belysning vid den del av gångvägen som ännu "
                    "inte är klar."),
                   "Inga nya synpunkter denna vecka.",
                   (31, 48, "Unga säger att gångvägen genom parken känns tryggare efter "
                    "röjningen.")],
        "done": ["Avslutad.", None],
    },
    ("A14", "UTB"): {
        "before": ["Skolan deltar i arbetet med samverkansöverenskommelsen."],
        "active": ["Mentorer och elevhälsa deltar i SSPF-möten för {k} elever.",
                   "Rektor för högstadiet är skolans representant i SSPF-gruppen.",
                   "Skolan har aktualiserat ett nytt ärende med vårdnadshavares samtycke."],
    },
    ("A14", "POL"): {
        "before": ["Polisen har utsett en kontaktperson för SSPF."],
        "active": ["Kommunpolisen deltar i SSPF-gruppens veckomöten.",
                   "Polisen har bidragit med underlag i {k} ärenden inom ramen för "
                   "sekretessreglerna.",
                   (38, 38, "Polisen deltog inte denna vecka på grund av annat uppdrag.")],
    },
}

CONTRIB_DEFAULT = {
    "before": ["Åtgärden har inte startat.", "Väntar på start enligt tidplan.", None],
    "done": ["Avslutad.", None],
}

# The holiday weeks of each department: schools close in mid-June, the
# others take their holidays in July.
SUMMER = {"UTB": (25, 33), "SOC": (27, 32), "KS": (27, 32), "POL": (27, 32)}

CONTRIB_NEXT = [
    "Fortsatt samverkan enligt plan.",
    "Stämma av med ansvarig förvaltning på måndagens möte.",
    None, None, None,
]

# A contributor's own status where it differs from "on-track".
CONTRIB_STATUS = {
    ("A7", "POL", 36): "at-risk",
    ("A7", "POL", 37): "at-risk",
}
CONTRIB_EVENTS = {
    ("A7", "POL", 36): "Polisens yttrande om två av platserna är försenat på grund av "
                       "semestrar; det levereras vecka 38.",
    ("A7", "POL", 37): "Yttrandet om de två återstående platserna levereras vecka 38.",
    ("A7", "POL", 38): "Polisens yttrande lämnat för samtliga platser.",
    ("A6", "KS", 27): "Kommunen har ordnat lokaler och parkering för förstärkningen.",
}

# The reporter of each department's report: a role, never a person.
def reporter(dept, week):
    if dept == "SOC":
        if 28 <= week <= 31:
            return "T.f. enhetschef IFO"
        if week in (40, 46):
            return "Socialchef"
        return "Enhetschef IFO"
    if dept == "UTB":
        if 34 <= week <= 38:
            return "Skolchef"
        return "Rektor"
    if dept == "KS":
        if week == 25 or 29 <= week <= 31:
            return "Kommunikationschef"
        return "Trygghetssamordnare"
    if dept == "POL":
        if 30 <= week <= 32:
            return "Kommunpolis"
        return "Lokalpolisområdeschef"
    raise AssertionError(dept)


# Openings of the summaries for particular weeks.
DEPT_NOTES = {
    ("SOC", 25): "Första veckan med det intensifierade arbetet; fältgruppen har gått över "
                 "till kvälls- och helgtjänstgöring.",
    ("SOC", 30): "Semesterperioden påverkar bemanningen i fältgruppen.",
    ("SOC", 32): "Full bemanning igen efter semesterperioden.",
    ("SOC", 34): "SSPF-samverkan och föräldravandringarna har kommit i gång.",
    ("SOC", 39): "Kartläggningen är slutförd: samtliga kartlagda individer har fått kontakt.",
    ("SOC", 44): "Höstlovsveckan med extra närvaro i centrum.",
    ("UTB", 25): "Sista veckan före sommarlovet; planering av fritidsgårdarnas sommar.",
    ("UTB", 29): "Vakanser på fritidsgårdarna under semestern.",
    ("UTB", 34): "Höstterminen har startat; fokus på trygghetsuppföljningen i skolorna.",
    ("UTB", 38): "Trygghetsuppföljningen är genomförd på alla skolor.",
    ("UTB", 44): "Höstlov; fritidsgårdarna hade öppet även dagtid.",
    ("KS", 25): "Åtgärdspaketet är publicerat och kontaktpunkten har öppnat.",
    ("KS", 27): "Kontaktpunkten är i full drift med chatt och telefon.",
    ("KS", 32): "Semester på kommunikationsenheten gav ett uppehåll i webbinformationen.",
    ("KS", 38): "Ansökan om kamerabevakning är skickad till IMY, men tidplanen håller inte.",
    ("KS", 43): "Armaturerna till Stadsparken har kommit efter leverantörens försening; "
                "monteringen pågår.",
    ("KS", 44): "Belysningen i Stadsparken är nästan klar, två veckor efter sin deadline.",
    ("KS", 45): "Belysningen i Stadsparken är klar. Kamerautredningen har passerat sin "
                "deadline och väntar på IMY.",
    ("POL", 25): "Polisen har ett tydligt fokus på Lysekil och den lokala problembilden.",
    ("POL", 27): "Sommarförstärkningen inledd måndag vecka 27.",
    ("POL", 30): "Oroligheter i Södra hamnen natten mot söndag; extra insatser följande helg.",
    ("POL", 33): "Sista veckan med sommarförstärkningen.",
    ("POL", 44): "Höstlov och halloweenhelg med fler ordningsstörningar än vanligt.",
}

CALM = [
    "Arbetet löper enligt plan.",
    "Inga avvikelser att rapportera.",
    "Veckan har gått enligt plan.",
    "Egna åtgärder enligt plan eller avslutade.",
]

CALM_DONE = [
    "Den egna åtgärden är avslutad; bidragen till kommunens åtgärder löper enligt plan.",
    "Bidragen till kommunens åtgärder löper enligt plan.",
]
CALM_WAITING = [
    "Den egna åtgärden har ännu inte startat; bidragen till kommunens åtgärder löper "
    "enligt plan.",
]

# Reports with no summary (the field is optional).
NO_SUMMARY = {("POL", 35), ("POL", 41), ("UTB", 47)}


# ---------------------------------------------------------------------------
# Building the reports
# ---------------------------------------------------------------------------

def rng_for(*parts):
    return random.Random("%s/%s" % (SEED, "/".join(str(p) for p in parts)))


def iso_week_label(week):
    return "%d-W%02d" % (YEAR, week)


def sv_number(value):
    if isinstance(value, float):
        return ("%.1f" % value).replace(".", ",")
    return str(value)


def sv_join(items):
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " och " + items[-1]


def fill(template, values):
    """str.format with Swedish numbers; an unknown placeholder is a bug."""
    if template is None:
        return None
    return string.Formatter().vformat(template, (), values)


def current(pool, week):
    """The entries of @pool for @week: an entry is a text, None (leave the
    field out) or (first week, last week, text) for a text that only makes
    sense in those weeks."""
    out = []
    for item in pool or []:
        if isinstance(item, tuple):
            first, last, text = item
            if first <= week <= last:
                out.append(text)
        else:
            out.append(item)
    return out


def fields(template):
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def usable(pool, values):
    """The templates of @pool that need no value missing from @values."""
    return [t for t in pool if t is None or fields(t) <= values.keys()]


def pick(rng, pool, last=None):
    """Picks from @pool, avoiding @last when there are three or more to choose
    from (with two, avoiding the last would make them alternate)."""
    if not pool:
        return None
    choices = [p for p in pool if p != last] if len(pool) > 2 else pool
    return rng.choice(choices or pool)


def utc_offset(date):
    """Swedish time: +02:00 from the last Sunday of March to the last
    Sunday of October, +01:00 otherwise (all reports are sent in daytime)."""
    def last_sunday(month):
        d = datetime.date(date.year, month, 31)
        return d - datetime.timedelta(days=(d.weekday() + 1) % 7)
    if last_sunday(3) <= date < last_sunday(10):
        return "+02:00"
    return "+01:00"


def timestamp(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + utc_offset(dt.date())


def submitted_at(dept, week):
    rng = rng_for("submitted", dept, week)
    monday = datetime.date.fromisocalendar(YEAR, week, 1)
    if (dept, week) in LATE:
        day = monday + datetime.timedelta(days=7 + LATE[(dept, week)])
        hour = rng.randint(8, 11)
    else:
        # The last week is this week: everything is in by Thursday.
        weekday = 4 if week == LAST_WEEK else rng.choice([4, 5, 5])
        day = monday + datetime.timedelta(days=weekday - 1)
        hour = rng.randint(14, 15)
    minute = rng.randrange(0, 60, 5)
    return datetime.datetime(day.year, day.month, day.day, hour, minute)


def actions_of(dept):
    return [a for a in ACTIONS if a["lead"] == dept or dept in a.get("contributors", [])]


def text_values(code, week, values, rng):
    out = {k.replace("-", "_"): sv_number(v) for k, v in values.items()}
    out["week"] = str(week)
    out["k"] = str(rng.randint(2, 4))
    if code == "A2" and values:
        out["remaining"] = str(values["individuals-mapped"] - values["contacts-made"])
    if code == "A4":
        out["topic"] = WEB_TOPICS.get(week, "läget i centrala Lysekil")
    if code == "A3" and "unanswered" in values:
        n = values["unanswered"]
        out["unanswered_text"] = ("inga obesvarade samtal" if n == 0 else
                                  "ett obesvarat samtal" if n == 1 else
                                  "%d obesvarade samtal" % n)
    if code == "A4" and "web-updates" in values:
        n = values["web-updates"]
        out["web_updates_text"] = ["Ingen uppdatering", "En uppdatering", "Två uppdateringar",
                                   "Tre uppdateringar"][n] if n < 4 else "%d uppdateringar" % n
    if code == "A5":
        prev = A5_INCIDENTS.get(week - 1)
        now = values["incidents"]
        if prev is None or prev == now:
            out["trend"] = "lika många som förra veckan"
        elif now < prev:
            out["trend"] = "färre än förra veckan"
        else:
            out["trend"] = "fler än förra veckan"
    if code == "A8":
        out["activity"] = rng.choice(SUMMER_ACTIVITIES if week <= 33 else ACTIVITIES)
    return out


class Writer:
    """Chooses texts so that no department repeats itself week after week."""

    def __init__(self):
        self.last = {}

    def choose(self, key, rng, pool):
        choice = pick(rng, pool, self.last.get(key))
        self.last[key] = choice
        return choice


def lead_entry(action, week, writer):
    code = action["code"]
    rng = rng_for("lead", code, week)
    status, progress, phase = lead_state(code, week)
    entry = {"action": code, "status": status, "progress": progress}

    started = status != "not-started"
    just_done = status == "done" and (week == FIRST_WEEK or lead_state(code, week - 1)[0] != "done")
    values = {}
    if action.get("indicators") and started and (
            status != "done" or just_done or code in INDICATORS_AFTER_DONE):
        values = indicator_values(code, week, rng_for("values", code, week))
        for key in list(values):
            if (code, key, week) in MISSING_VALUES:
                del values[key]
    tv = text_values(code, week, values, rng)

    texts = LEAD_TEXT.get(code, {}).get(phase)
    if texts is None and phase == "before":
        texts = {"comment": ["Åtgärden startar %s." % action["start"]], "next": [], "risks": []}
    texts = texts or {"comment": [], "next": [], "risks": []}
    comment = writer.choose((code, "c"), rng, usable(current(texts["comment"], week), tv))
    next_steps = writer.choose((code, "n"), rng, usable(current(texts["next"], week), tv))
    risks = writer.choose((code, "r"), rng,
                          usable(current(texts["risks"], week), tv)) if status in (
        "at-risk", "delayed") else None

    event = EVENTS.get((code, week), {})
    comment = event.get("comment", comment)
    next_steps = event.get("next_steps", next_steps)
    risks = event.get("risks", risks)

    if comment is not None:
        entry["comment"] = fill(comment, tv)
    if next_steps is not None:
        entry["next_steps"] = fill(next_steps, tv)
    if risks is not None:
        entry["risks"] = fill(risks, tv)
    if values:
        entry["indicators"] = values
    return entry


def contributor_entry(action, dept, week, writer):
    code = action["code"]
    rng = rng_for("contrib", code, dept, week)
    lead_status, progress, _ = lead_state(code, week)
    if lead_status in ("not-started", "done"):
        status = lead_status
        kind = "before" if lead_status == "not-started" else "done"
    else:
        status = CONTRIB_STATUS.get((code, dept, week), "on-track")
        first, last = SUMMER[dept]
        kind = "summer" if first <= week <= last else "active"
    texts = CONTRIB_TEXT.get((code, dept), {})
    pool = current(texts.get(kind), week)
    if not pool and kind == "summer":
        pool = current(texts.get("active"), week)
    if kind == "before":
        pool = pool + CONTRIB_DEFAULT["before"]
    if not pool:
        pool = CONTRIB_DEFAULT.get(kind, [None])
    comment = writer.choose((code, dept, "c"), rng, pool)
    comment = CONTRIB_EVENTS.get((code, dept, week), comment)
    entry = {"action": code, "status": status, "progress": progress}
    tv = {"k": str(rng.randint(2, 4))}
    if comment is not None:
        entry["comment"] = fill(comment, tv)
    if kind in ("summer", "active"):
        next_steps = writer.choose((code, dept, "n"), rng, CONTRIB_NEXT)
        if next_steps is not None:
            entry["next_steps"] = next_steps
    return entry


def summary_for(dept, week, entries):
    rng = rng_for("summary", dept, week)
    parts = []
    if (dept, week) in DEPT_NOTES:
        parts.append(DEPT_NOTES[(dept, week)])
    own = [e for e in entries if ACTION_BY_CODE[e["action"]]["lead"] == dept]

    monday = datetime.date.fromisocalendar(YEAR, week, 1).isoformat()

    def named(es):
        out = []
        for e in es:
            text = "%s (%s)" % (SHORT[e["action"]], e["action"])
            deadline = ACTION_BY_CODE[e["action"]]["deadline"]
            if e["status"] != "done" and deadline < monday:
                text += ", deadline %s passerad" % deadline
            out.append(text)
        return sv_join(out)

    newly_done = [e for e in own if e["status"] == "done" and (
        week == FIRST_WEEK or lead_state(e["action"], week - 1)[0] != "done")]
    at_risk = [e for e in own if e["status"] == "at-risk"]
    delayed = [e for e in own if e["status"] == "delayed"]
    if newly_done:
        parts.append("Klart denna vecka: %s." % named(newly_done))
    if at_risk:
        parts.append("Risk för försening i %s." % named(at_risk))
    if delayed:
        parts.append("Försenat: %s." % named(delayed))
    if not (at_risk or delayed):
        if own and all(e["status"] == "done" for e in own) and not newly_done:
            parts.append(rng.choice(CALM_DONE))
        elif own and all(e["status"] == "not-started" for e in own):
            parts.append(rng.choice(CALM_WAITING))
        else:
            parts.append(rng.choice(CALM))
    return " ".join(parts)


def make_report(dept, week, writer):
    entries = []
    for action in actions_of(dept):
        if action["lead"] == dept:
            entries.append(lead_entry(action, week, writer))
        else:
            entries.append(contributor_entry(action, dept, week, writer))
    report = {
        "format": "uppfoljning-report",
        "version": 1,
        "package": PACKAGE_CODE,
        "department": dept,
        "week": iso_week_label(week),
        "submitted": timestamp(submitted_at(dept, week)),
        "reporter": reporter(dept, week),
    }
    if (dept, week) not in NO_SUMMARY:
        report["summary"] = summary_for(dept, week, entries)
    report["entries"] = entries
    return report


def make_correction(report):
    rev2 = json.loads(json.dumps(report))
    rev2["submitted"] = timestamp(CORRECTION_SUBMITTED)
    for entry in rev2["entries"]:
        if entry["action"] == "A7":
            entry["status"] = CORRECTION_ENTRY["status"]
            entry["comment"] = CORRECTION_ENTRY["comment"]
            entry["next_steps"] = CORRECTION_ENTRY["next_steps"]
            entry["risks"] = CORRECTION_ENTRY["risks"]
            # Keep the key order of the format.
            ordered = {k: entry[k] for k in ("action", "status", "progress", "comment",
                                             "next_steps", "risks", "indicators") if k in entry}
            entry.clear()
            entry.update(ordered)
    rev2["summary"] = ("Rättad rapport: status för kamerautredningen (A7) ändrad från enligt "
                       "plan till risk. " + summary_for("KS", CORRECTED[1], rev2["entries"]))
    return rev2


def generate():
    """Returns {relative path: document} for every demo file."""
    files = {"package.json": make_package()}
    for dept, _, _ in DEPARTMENTS:
        writer = Writer()
        for week in range(FIRST_WEEK, LAST_WEEK + 1):
            if (dept, week) in MISSING:
                continue
            report = make_report(dept, week, writer)
            name = "reports/%s-%s.json" % (dept, iso_week_label(week))
            files[name] = report
            if (dept, week) == CORRECTED:
                files[name.replace(".json", "-rev2.json")] = make_correction(report)
    return files


def serialise(document):
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write(out_dir):
    files = generate()
    reports_dir = os.path.join(out_dir, "reports")
    os.makedirs(reports_dir, exist_ok=True)
    for name in sorted(os.listdir(reports_dir)):
        if name.endswith(".json") and "reports/" + name not in files:
            os.unlink(os.path.join(reports_dir, name))
    for name, document in sorted(files.items()):
        path = os.path.join(out_dir, name)
        data = serialise(document)
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    continue
        except FileNotFoundError:
            pass
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)
    print("wrote %d files to %s" % (len(files), os.path.relpath(out_dir)))


# ---------------------------------------------------------------------------
# --check
# ---------------------------------------------------------------------------

PERSONNUMMER = re.compile(r"(?<![0-9])(?:[0-9]{2})?[0-9]{6}[-+\u2010\u2011\u2013\u2212]?"
                          r"[0-9]{4}(?![0-9])")


class Checker:
    def __init__(self):
        self.errors = []

    def fail(self, where, message):
        self.errors.append("%s: %s" % (where, message))

    def expect(self, condition, where, message):
        if not condition:
            self.fail(where, message)


def texts_of(document):
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for value in document.values():
            yield from texts_of(value)
    elif isinstance(document, list):
        for value in document:
            yield from texts_of(value)


def check_rules(files, c):
    """The rules the importer enforces beyond the schema, and the story."""
    package = files["package.json"]
    goals = {g["code"] for g in package["goals"]}
    depts = {d["code"] for d in package["departments"]}
    actions = {a["code"]: a for a in package["actions"]}
    c.expect(len(actions) == len(package["actions"]), "package.json", "duplicate action codes")
    c.expect(12 <= len(actions) <= 14, "package.json", "expected 12–14 actions")
    first = package["reporting"]["first_week"]
    for a in package["actions"]:
        where = "package.json: action %s" % a["code"]
        c.expect(a["goal"] in goals, where, "unknown goal")
        c.expect(a["lead"] in depts, where, "unknown lead")
        for d in a.get("contributors", []):
            c.expect(d in depts and d != a["lead"], where, "bad contributor %s" % d)
        c.expect(a.get("start", a["deadline"]) <= a["deadline"], where, "start after deadline")
        c.expect("2026-06-22" <= a["deadline"] <= "2026-12-31", where, "deadline out of range")
        codes = [i["code"] for i in a.get("indicators", [])]
        c.expect(len(codes) == len(set(codes)), where, "duplicate indicator codes")

    directions = {i.get("direction", "up") for a in package["actions"]
                  for i in a.get("indicators", [])}
    c.expect(directions == {"up", "down"}, "package.json", "indicators need both directions")

    latest = {}
    last_week = iso_week_label(LAST_WEEK)
    for name, r in sorted(files.items()):
        if name == "package.json":
            continue
        where = name
        base = "reports/%s-%s" % (r["department"], r["week"])
        c.expect(name in (base + ".json", base + "-rev2.json"), where, "file name does not match")
        c.expect(r["package"] == package["code"], where, "wrong package")
        c.expect(r["department"] in depts, where, "unknown department")
        c.expect(first <= r["week"] <= last_week, where, "week outside the reporting period")
        submitted = datetime.datetime.fromisoformat(r["submitted"])
        year, week = (int(x) for x in r["week"].split("-W"))
        monday = datetime.date.fromisocalendar(year, week, 1)
        c.expect(monday <= submitted.date() <= monday + datetime.timedelta(days=8), where,
                 "submitted outside its week (or the Monday/Tuesday after)")
        c.expect(r["submitted"][-6:] == utc_offset(submitted.date()), where,
                 "wrong UTC offset for Swedish time")
        c.expect(submitted <= datetime.datetime(2026, 11, 27, 0, 0,
                                                tzinfo=datetime.timezone.utc), where,
                 "submitted after the demo's today")
        own = {a["code"] for a in package["actions"]
               if a["lead"] == r["department"] or r["department"] in a.get("contributors", [])}
        reported = [e["action"] for e in r["entries"]]
        c.expect(len(reported) == len(set(reported)), where, "two entries for one action")
        c.expect(set(reported) == own, where, "entries are not exactly the department's actions")
        for e in r["entries"]:
            ew = "%s: %s" % (where, e["action"])
            action = actions.get(e["action"])
            if action is None:
                continue
            c.expect(e["status"] != "done" or e["progress"] == 100, ew, "done without 100")
            if action.get("start") and r["week"] < iso_of(action["start"]):
                c.expect(e["status"] == "not-started" and e["progress"] == 0, ew,
                         "reported as started before its start week")
            defined = {i["code"] for i in action.get("indicators", [])}
            for key in e.get("indicators", {}):
                c.expect(key in defined, ew, "unknown indicator %s" % key)
        for text in texts_of(r):
            c.expect(not PERSONNUMMER.search(text), where, "text looks like a personnummer")

    # Which report counts: the later submitted of a department's week.
    for name, r in files.items():
        if name == "package.json":
            continue
        key = (r["department"], r["week"])
        if key not in latest or r["submitted"] > latest[key]["submitted"]:
            latest[key] = r

    # The story.
    expected = {(d, iso_week_label(w)) for d in depts for w in range(FIRST_WEEK, LAST_WEEK + 1)}
    missing = sorted(expected - set(latest))
    c.expect(missing == [("UTB", "2026-W33")], "reports", "missing weeks %r" % missing)
    rev2 = [n for n in files if n.endswith("-rev2.json")]
    c.expect(rev2 == ["reports/KS-2026-W36-rev2.json"], "reports", "corrections %r" % rev2)

    status = {}   # (action, week) → (status, progress) from the lead
    for (dept, week), r in latest.items():
        for e in r["entries"]:
            if actions[e["action"]]["lead"] == dept:
                status[(e["action"], week)] = (e["status"], e["progress"])
    weeks = [iso_week_label(w) for w in range(FIRST_WEEK, LAST_WEEK + 1)]
    ever = {}
    for code, action in actions.items():
        history = [status.get((code, w)) for w in weeks]
        known = [h for h in history if h is not None]
        progress = [p for _, p in known]
        c.expect(progress == sorted(progress), "story " + code, "progress goes down")
        done_at = next((i for i, h in enumerate(history) if h and h[0] == "done"), None)
        if done_at is not None:
            c.expect(all(h is None or h[0] == "done" for h in history[done_at:]),
                     "story " + code, "done and then not done")
        ever[code] = {s for s, _ in known}
    c.expect(any("done" in s for s in ever.values()), "story", "nothing is done")
    c.expect(any("delayed" in s for s in ever.values()), "story", "nothing is delayed")
    recovered = [code for code in actions
                 if "at-risk" in ever[code] and status[(code, weeks[-1])][0] in
                 ("on-track", "done")]
    c.expect(recovered, "story", "no action recovers from at-risk")
    end = weeks[-1]
    overdue = [code for code, a in actions.items()
               if status[(code, end)][0] != "done" and iso_of(a["deadline"]) < end]
    c.expect(overdue, "story", "no action ends overdue")
    late = [n for n, r in files.items() if n != "package.json" and
            datetime.datetime.fromisoformat(r["submitted"]).date() >
            datetime.date.fromisocalendar(*(int(x) for x in r["week"].split("-W")), 5)]
    c.expect(len(late) >= 3, "reports", "too few late reports")
    return overdue


def iso_of(date_text):
    y, w, _ = datetime.date.fromisoformat(date_text).isocalendar()
    return "%d-W%02d" % (y, w)


def check_schemas(files, c):
    import jsonschema  # only here: the generator must not need it

    schemas = {}
    for kind in ("package", "report"):
        with open(os.path.join(SCHEMA_DIR, "uppfoljning-%s.schema.json" % kind),
                  encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[kind] = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    for name, document in sorted(files.items()):
        validator = schemas["package" if name == "package.json" else "report"]
        for error in validator.iter_errors(document):
            c.fail(name, "%s: %s" % (error.json_path, error.message))

    # The examples in docs/formats.md.
    docs = os.path.join(TOP, "docs", "formats.md")
    if os.path.exists(docs):
        with open(docs, encoding="utf-8") as f:
            blocks = re.findall(r"```json\n(.*?)```", f.read(), re.S)
        examples = [json.loads(b) for b in blocks]
        kinds = [e.get("format") for e in examples]
        c.expect(kinds == ["uppfoljning-package", "uppfoljning-report"], "docs/formats.md",
                 "expected one package and one report example, found %r" % kinds)
        for e in examples:
            validator = schemas["package" if e.get("format") == "uppfoljning-package"
                                else "report"]
            for error in validator.iter_errors(e):
                c.fail("docs/formats.md", "%s: %s" % (error.json_path, error.message))
        if len(examples) == 2:
            ex_package, ex_report = examples
            own = {a["code"] for a in ex_package["actions"]
                   if a["lead"] == ex_report["department"]
                   or ex_report["department"] in a.get("contributors", [])}
            c.expect({e["action"] for e in ex_report["entries"]} == own, "docs/formats.md",
                     "the example report is not about its department's own actions")

    # The schemas must refuse what the format forbids.
    package = files["package.json"]
    report = files["reports/SOC-2026-W30.json"]

    def refused(kind, document, what):
        if schemas[kind].is_valid(document):
            c.fail("schema", "accepts %s" % what)

    def variant(document, change):
        copy = json.loads(json.dumps(document))
        change(copy)
        return copy

    refused("report", variant(report, lambda d: d.update(extra=1)), "an unknown field")
    refused("report", variant(report, lambda d: d["entries"][0].update(note="x")),
            "an unknown entry field")
    refused("report", variant(report, lambda d: d["entries"][0].update(
        status="done", progress=90)), "done with progress 90")
    refused("report", variant(report, lambda d: d["entries"][0].update(progress=101)),
            "progress 101")
    refused("report", variant(report, lambda d: d["entries"][0].update(progress=50.5)),
            "a fractional progress")
    refused("report", variant(report, lambda d: d["entries"][0].update(status="late")),
            "an unknown status")
    refused("report", variant(report, lambda d: d.update(week="2026-30")), "a bad week")
    refused("report", variant(report, lambda d: d.update(submitted="2026-07-23T15:00:00")),
            "a time without offset")
    refused("report", variant(report, lambda d: d.update(version=2)), "version 2")
    refused("report", variant(report, lambda d: d["entries"][0].update(comment="x" * 4001)),
            "a comment of 4001 characters")
    refused("report", variant(report, lambda d: d["entries"][0].update(
        indicators={"evening-shifts": "4"})), "an indicator value as a string")
    refused("report", variant(report, lambda d: d.pop("submitted")), "no submitted")
    refused("package", variant(package, lambda d: d.update(extra=1)), "an unknown field")
    refused("package", variant(package, lambda d: d["actions"][0].pop("deadline")),
            "an action without deadline")
    refused("package", variant(package, lambda d: d["actions"][0]["indicators"][0].update(
        direction="sideways")), "an unknown direction")
    refused("package", variant(package, lambda d: d["reporting"].update(due_weekday=8)),
            "due_weekday 8")
    refused("package", variant(package, lambda d: d["actions"][0].update(code="A 1")),
            "a code with a space")
    refused("package", variant(package, lambda d: d.update(decided="9 juni 2026")),
            "a date that is not ISO 8601")
    refused("package", variant(package, lambda d: d["departments"][0].update(partner="no")),
            "partner as a string")


def check(out_dir):
    files = generate()
    c = Checker()

    # Up to date: the files on disk are exactly what this script writes.
    on_disk = {"package.json"} | {"reports/" + n for n in
                                  os.listdir(os.path.join(out_dir, "reports"))}
    for name in sorted(on_disk - set(files)):
        c.fail(name, "not written by this script")
    for name, document in sorted(files.items()):
        try:
            with open(os.path.join(out_dir, name), "rb") as f:
                data = f.read()
        except FileNotFoundError:
            c.fail(name, "missing; run tools/make-demo.py")
            continue
        if data != serialise(document):
            c.fail(name, "out of date; run tools/make-demo.py")
        if len(data) > 8 * 1024 * 1024:
            c.fail(name, "larger than 8 MiB")

    overdue = check_rules(files, c)

    try:
        import jsonschema  # noqa: F401
    except ImportError:
        for e in c.errors:
            print("error: " + e, file=sys.stderr)
        print("SKIP: python3-jsonschema is not installed (apt-get install python3-jsonschema)")
        return 1 if c.errors else 77
    check_schemas(files, c)

    if c.errors:
        for e in c.errors:
            print("error: " + e, file=sys.stderr)
        print("%d problems" % len(c.errors), file=sys.stderr)
        return 1
    print("ok: %d files valid, up to date and true to the story (overdue at the end: %s)"
          % (len(files), ", ".join(overdue)))
    return 0


def main():
    parser = argparse.ArgumentParser(description="Write (or check) the demo data.")
    parser.add_argument("--check", action="store_true",
                        help="verify the files instead of writing them")
    parser.add_argument("--out", default=DEFAULT_OUT,
                        help="output directory (default: data/demo)")
    args = parser.parse_args()
    if args.check:
        return check(args.out)
    write(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
