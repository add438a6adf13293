"""The fiscal room window: the EU escape-clause split of each ally's defence increase."""
