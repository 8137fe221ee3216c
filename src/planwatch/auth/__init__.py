"""Authentication and authorisation core: password hashing, tokens, roles and the one permission
policy (role × action × object). Sessions, users and the audit log live in ``planwatch.services``."""

from planwatch.auth.policy import Action, Principal, Role, allowed, require

__all__ = ["Action", "Principal", "Role", "allowed", "require"]
