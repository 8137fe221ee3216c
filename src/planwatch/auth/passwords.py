"""Password hashing with Argon2id (argon2-cffi). Passwords are never stored, logged or echoed."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from planwatch.errors import ValidationError

_HASHER = PasswordHasher()  # argon2id with the library's (RFC 9106 low-memory) parameters
_DUMMY = _HASHER.hash("planwatch-dummy-password")
MIN_LENGTH = 10


def hash_password(password: str) -> str:
    """The Argon2id hash of a password that passes ``check_strength``."""
    check_strength(password)
    return _HASHER.hash(password)


def rehash(password: str) -> str:
    """A new hash of a password that was just verified (no strength check: it is already in use)."""
    return _HASHER.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether the password matches the stored hash. Without a hash a dummy one is checked, so that
    an unknown user name takes as long as a wrong password."""
    try:
        return _HASHER.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(stored)


def check_strength(password: str) -> None:
    """Refuse passwords that are too short or all one kind of character."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            f"密码至少需要 {MIN_LENGTH} 个字符 (password too short)", hint="choose a longer password"
        )
    if password.isdigit() or password.isalpha():
        raise ValidationError(
            "密码不能只由数字或只由字母组成 (password needs letters and digits or symbols)",
            hint="mix letters with digits or symbols",
        )
