"""Reading other people's spreadsheets: tabular reading, layout detection,
the importer, number and country-name parsing."""
