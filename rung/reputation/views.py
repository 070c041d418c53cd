"""Reputation pages: a member's own ledger, the site's experts."""
