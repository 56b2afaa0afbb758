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
    "tracking.driver.capacity": ("Kapazität (Kapazitätsabgleich)", "capacity (levelling)"),
    "gantt.chain.capacity": ("Kapazität: frühestens {date}, {note}", "capacity: not before {date}, {note}"),
    "help.level": ("Kapazitätsabgleich: Pakete so verschieben, dass keine Rolle über ihrer "
                   "Kapazität liegt (wie 'project: level: true').",
                   "Resource levelling: move packages so that no role is over its capacity "
                   "(like 'project: level: true')."),
}
