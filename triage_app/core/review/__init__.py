"""Prioritised review: a relevance model that learns from decisions, and an estimate of what is left.

`features` turns documents into hashed term counts (incrementally, as they are imported), `model`
trains a BMI-style logistic regression and ranks, `estimate` draws and reads an elusion sample, and
`session` ties them to a library. Scores are never decisions: nothing here writes the audit log.
"""
