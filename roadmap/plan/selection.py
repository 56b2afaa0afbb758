"""The package network as a whole: dependency cycles, and the packages ``when`` keeps.

The reader uses :func:`find_cycle` to reject a plan that can never be scheduled; the
scheduler uses :func:`active_packages` to drop the packages the chosen options leave out.
"""
from __future__ import annotations

from dataclasses import replace

from roadmap.plan.model import Link, Package, Plan


def find_cycle(packages) -> list[str]:
    """A dependency cycle as ``[a, b, c, a]`` (each comes after the previous), or ``[]``."""
    preds = {p.id: [link.pred for link in p.after] for p in packages}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for root in preds:
        if root in state:
            continue
        path, stack = [root], [iter(preds[root])]
        state[root] = 1
        while stack:
            pred = next(stack[-1], None)
            if pred is None:
                state[path.pop()] = 2
                stack.pop()
            elif pred not in preds or state.get(pred) == 2:
                continue
            elif state.get(pred) == 1:
                # path runs from successors to predecessors; report in time order.
                cycle = path[path.index(pred):] + [pred]
                return cycle[::-1]
            else:
                state[pred] = 1
                path.append(pred)
                stack.append(iter(preds[pred]))
    return []


def active_packages(plan: Plan) -> list[Package]:
    """The packages ``when`` keeps, with links through left-out packages bridged.

    A successor of a left-out package inherits that package's predecessors, keeping the
    type and lag of its own link, so the network stays connected.
    """
    dates = {spec.key for spec in plan.option_specs if spec.kind == "date"}

    def matches(key: str, values) -> bool:
        value = plan.options.get(key)
        if key in dates:  # a date option: 'none' or 'set' (contract section 11)
            value = "none" if (value or "none").strip().lower() in ("none", "") else "set"
        return value in values

    def included(package: Package) -> bool:
        return all(matches(key, values) for key, values in package.when)

    own = plan.columns  # the reader's: which packages have `when` (none: no scan of them all)
    if not (own.when if own is not None and own.packages is plan.packages else any(p.when for p in plan.packages)):
        return list(plan.packages)
    kept = {p.id for p in plan.packages if included(p)}
    by_id = {p.id: p for p in plan.packages}

    def resolve(pred: str, seen=()) -> list[str]:
        if pred in kept:
            return [pred]
        found = []
        for link in by_id[pred].after:
            if link.pred not in seen:
                found += [p for p in resolve(link.pred, seen + (pred,)) if p not in found]
        return found

    result = []
    for package in plan.packages:
        if package.id not in kept:
            continue
        links, seen = [], set()
        for link in package.after:
            for pred in resolve(link.pred):
                key = (pred, link.type, link.lag.days, link.lag.elapsed)
                if key not in seen:
                    seen.add(key)
                    links.append(Link(pred, link.type, link.lag, link.line))
        result.append(_replace_after(package, tuple(links)))
    return result


def _replace_after(package: Package, after: tuple[Link, ...]) -> Package:
    return replace(package, after=after) if after != package.after else package
