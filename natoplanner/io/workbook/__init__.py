"""The scenario workbook: save, load, layout, formulas and the fast sheet writer."""
