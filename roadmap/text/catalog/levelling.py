"""Resource levelling and load: the words of the levelling (issue 16).

Keys: ``level.*`` for notes on packages and the over-allocation hint, ``help.level`` for
the command-line option.
"""

#: key -> (German, English); ``str.format`` templates.
ENTRIES: dict[str, tuple[str, str]] = {
    "level.moved": ("verschoben wegen Kapazität von {roles} (+{days} AT)",
                    "moved for the capacity of {roles} (+{days} wd)"),
    "level.hint": ("; mit --level oder 'project: level: true' werden Pakete verschoben",
                   "; --level or 'project: level: true' moves packages"),
    "level.hint-left": ("; auch nach dem Kapazitätsabgleich, weil die Rolle nie genug Kapazität hat "
                        "oder Pakete fest sind (priority 1000)",
                        "; even after levelling, because the role never has enough capacity "
                        "or packages are fixed (priority 1000)"),
    # ---- diagnostics of capacities (codes bad-capacity, bad-option-value) ---------------
    "bad-capacity.option": ("die Kapazität der Rolle '{role}' nach Option schreiben Sie als {{OPTION: {{WERT: "
                            "Kapazität}}}} mit genau einer Option der Vorlage ({known})",
                            "write the capacity of role '{role}' by option as {{OPTION: {{VALUE: capacity}}}} "
                            "with exactly one of the template's options ({known})"),
    "bad-option-value.capacity": ("Rolle '{role}': '{value}' ist kein Wert der Option '{key}'; erlaubt: {choices}",
                                  "role '{role}': '{value}' is not a value of option '{key}'; allowed: {choices}"),
    "bad-capacity.choice": ("Rolle '{role}': für {key} = '{value}' ist keine Kapazität angegeben",
                            "role '{role}': no capacity is given for {key} = '{value}'"),
    "bad-capacity.anchor": ("Rolle '{role}': die Kapazitätsstufe ab '{id}' nennt kein Arbeitspaket des Plans",
                            "role '{role}': the capacity step from '{id}' names no package of the plan"),
    "tracking.driver.capacity": ("Kapazität (Kapazitätsabgleich)", "capacity (levelling)"),
    "gantt.chain.capacity": ("Kapazität: frühestens {date}, {note}", "capacity: not before {date}, {note}"),
    "load.from": ("ab {date}: {value}", "from {date}: {value}"),
    "load.class.0": ("frei", "idle"),
    "load.class.1": ("bis 50 % der Kapazität", "up to 50 % of the capacity"),
    "load.class.2": ("bis 80 %", "up to 80 %"),
    "load.class.3": ("bis 100 % (voll)", "up to 100 % (full)"),
    "load.class.4": ("überlastet, bis 150 %", "over-allocated, up to 150 %"),
    "load.class.5": ("überlastet, über 150 % oder ohne Kapazität (∞)",
                     "over-allocated, above 150 % or without capacity (∞)"),

    # ---- the workbook: Auslastung sheet, Arbeitspakete columns --------------------------
    "sheet.load": ("Auslastung", "Load"),
    "sheet.load.title": ("Auslastung der Rollen: {name}", "Load of the roles: {name}"),
    "sheet.load.note": ("Je Woche: Bedarf der laufenden Arbeitspakete ('needs') am vollsten Arbeitstag, "
                        "in Prozent der Kapazität der Rolle an diesem Tag; über 100 % ist die Rolle überlastet.",
                        "Per week: the needs of the running work packages on the fullest working day, "
                        "as a percentage of the role's capacity that day; above 100 % the role is over-allocated."),
    "sheet.load.levelled": ("Mit Kapazitätsabgleich: Arbeitspakete sind verschoben, bis keine Rolle über ihrer "
                            "Kapazität liegt (soweit möglich).",
                            "Levelled: work packages are moved until no role is over its capacity (as far as "
                            "possible)."),
    "sheet.load.unlevelled": ("Ohne Kapazitätsabgleich: 'roadmap build --level' oder 'project: level: true' "
                              "verschiebt Arbeitspakete, bis es passt.",
                              "Not levelled: 'roadmap build --level' or 'project: level: true' moves work "
                              "packages until it fits."),
    "sheet.load.role": ("Rolle", "Role"),
    "sheet.load.capacity": ("Kapazität (Stellenanteil)", "Capacity (share of a post)"),
    "sheet.load.week": ("KW", "Week"),
    "sheet.load.legend": ("Legende", "Legend"),
    "sheet.load.no-work": ("Woche ohne Arbeitstag", "week without working days"),
    "sheet.load.over": ("Überlastungen", "Over-allocations"),
    "sheet.load.moved": ("Vom Kapazitätsabgleich verschoben", "Moved by levelling"),
    "sheet.needs": ("Bedarf (Stellenanteil)", "Needs (share of a post)"),
    "sheet.moved": ("Kapazitätsabgleich", "Levelling"),

    # ---- the Gantt: load strip, notes ------------------------------------------------------
    "gantt.load_lane": ("Auslastung je Woche", "Load per week"),
    "gantt.load_row": ("Auslastung {name} ({capacity})", "Load: {name} ({capacity})"),
    "gantt.load_hover": ("{name} · KW {week} ab {monday}: bis zu {use} bei Kapazität {capacity} ({percent})",
                         "{name} · week {week} from {monday}: up to {use} with capacity {capacity} ({percent})"),
    "gantt.load_over": ("überlastet", "over-allocated"),
    "gantt.load_legend": ("Auslastung (hell: frei, dunkel: überlastet)", "Load (light: idle, dark: over-allocated)"),
    "gantt.levelled_note": ("Kapazitätsabgleich: {n} Arbeitspaket(e) verschoben, bis keine Rolle über ihrer "
                            "Kapazität liegt; die Zeilen „Auslastung …“ unter dem Plan zeigen, wo es eng ist.",
                            "Levelling: {n} work package(s) moved until no role is over its capacity; the "
                            "\u201cLoad: \u2026\u201d rows under the chart show where it is tight."),
    "summary.levelled": ("Kapazitätsabgleich: {n} Arbeitspaket(e) verschoben", "Levelling: {n} work package(s) moved"),
    "tjp.pin.capacity": ("Kapazitätsabgleich: fester Anfang am berechneten Tag (Rollen und Bedarf werden nicht "
                         "exportiert)", "levelling: fixed start on the computed day (roles and needs are not exported)"),
    "plan-file.level": ("Kapazitätsabgleich: Arbeitspakete warten, bis ihre Rollen Zeit haben (roles, needs)",
                        "levelling: packages wait until their roles have time (roles, needs)"),
    "help.level": ("Kapazitätsabgleich: Pakete so verschieben, dass keine Rolle über ihrer "
                   "Kapazität liegt (wie 'project: level: true').",
                   "Resource levelling: move packages so that no role is over its capacity "
                   "(like 'project: level: true')."),
}
