"""Other publishers' releases read as data vintages and reference series (no Qt).

``files`` opens a source (tabular's readers, plus the WEO download's text
file named .xls); ``weo`` reads IMF World Economic Outlook files,
``nato_edition`` NATO's edition workbook, ``reference`` SIPRI, World Bank and
national outturn sheets; ``identify`` says what a file is.
"""
