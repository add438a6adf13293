"""The preview of an import, cell by cell: rows classified, values converted, units checked."""
