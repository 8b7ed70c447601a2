"""The actor scorer on tiny hand-made lists."""

from __future__ import annotations

import pytest

from eval.actors import GoldActor, match, score
from explainer.model import Actor


def sys_actor(name, type_="person", aliases=(), role=None):
    return Actor(id=name.lower(), name=name, type=type_, role=role, aliases=tuple(aliases), affiliation=None,
                 mentions=())


GOLD = [
    GoldActor("États-Unis", ("state",), ("Washington",)),
    GoldActor("Lloyd Austin", ("person",), ("Austin",), ("secrétaire américain à la Défense",)),
    GoldActor("Camp David", ("place", "event")),
    GoldActor("Yoon Suk Yeol", ("person",), (), (None,)),
]


def test_perfect_match():
    system = [sys_actor("Etats-Unis", "state"), sys_actor("Lloyd Austin", role="Secrétaire americain à la défense"),
              sys_actor("Camp David", "event"), sys_actor("Yoon Suk Yeol")]
    s = score(system, GOLD)
    assert (s.precision, s.recall, s.f1, s.type_accuracy, s.role_accuracy, s.fragmented) == (1, 1, 1, 1, 1, 0)


def test_alias_match_wrong_type_wrong_role_spurious_and_missed():
    system = [sys_actor("Washington", "place"), sys_actor("Austin", role="ministre"), sys_actor("PHOTO", "other")]
    s = score(system, GOLD)
    assert s.matched == 2 and s.system == 3 and s.gold == 4
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert s.type_accuracy == 0.5
    assert s.role_accuracy == 0.0
    assert any("spurious: 'PHOTO'" in e for e in s.errors) and any("missed: 'Camp David'" in e for e in s.errors)


def test_one_to_one_and_fragmentation():
    system = [sys_actor("Austin"), sys_actor("Lloyd Austin", role="secrétaire américain à la Défense")]
    pairs, fragmented = match(system, GOLD)
    assert pairs == {1: 1}  # the full name wins the pair
    assert fragmented == {1}
    s = score(system, GOLD)
    assert s.matched == 1 and s.system == 2 and s.fragmented == 1


def test_gold_without_role_accepts_none_only():
    assert score([sys_actor("Yoon Suk Yeol")], GOLD).role_accuracy == 1.0
    assert score([sys_actor("Yoon Suk Yeol", role="président")], GOLD).role_accuracy == 0.0
