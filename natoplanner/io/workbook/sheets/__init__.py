"""The scenario workbook sheet by sheet: each module writes one sheet, and reads or checks it."""
