"""Fiscal room: what a defence path means under the EU fiscal rules (no Qt).

``rules`` holds the scenario's assumptions about the national escape clause
of the Stability and Growth Pact (who is covered, which years, the cap, the
baseline year) and the bundled EU figures (membership, Council decisions,
SAFE allocations, ``data/eu_fiscal.csv``); ``room`` turns a projection into
the increase against the baseline year split into the part inside the cap
and the part outside it.
"""
