"""Argon2id hashing and the strength rule."""

from __future__ import annotations

import pytest

from planwatch.auth.passwords import hash_password, needs_rehash, verify
from planwatch.auth.tokens import digest, new_token, same
from planwatch.errors import ValidationError


def test_hash_and_verify() -> None:
    stored = hash_password("Correct-horse-1")
    assert stored.startswith("$argon2id$")
    assert "Correct-horse-1" not in stored
    assert verify(stored, "Correct-horse-1")
    assert not verify(stored, "correct-horse-1")
    assert not needs_rehash(stored)


def test_two_hashes_of_one_password_differ() -> None:
    assert hash_password("Correct-horse-1") != hash_password("Correct-horse-1")


def test_unknown_user_and_broken_hash_do_not_verify() -> None:
    assert not verify(None, "anything-at-all-1")
    assert not verify("not-a-hash", "anything-at-all-1")


@pytest.mark.parametrize("weak", ["short-1", "1234567890123", "abcdefghijklmn"])
def test_weak_passwords_are_refused(weak: str) -> None:
    with pytest.raises(ValidationError):
        hash_password(weak)


def test_tokens() -> None:
    a, b = new_token(), new_token()
    assert a != b and len(a) >= 43
    assert len(digest(a)) == 64 and digest(a) != a
    assert same(a, a) and not same(a, b) and not same(a, None) and not same(None, None)
