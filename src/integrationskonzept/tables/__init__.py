"""Spreadsheets and surveys: `ik tabelle export|import`, `ik befragung import`.

The only users of openpyxl, ruamel.yaml and the LimeSurvey formats.
"""
