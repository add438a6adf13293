"""Edit workbooks in LibreOffice as a colleague would, through UNO (needs a Python with uno).

Usage: ``python3 libreoffice_uno.py SPEC.json``. The spec names soffice, a
profile folder URL and a list of jobs ``{"in", "out", "edits"}``; each edit is
one of ``type`` (text entered in the cell as at the keyboard, so LibreOffice
applies its own number recognition), ``string`` (text kept as text),
``value``, ``clear`` (the Delete key), ``unprotect``, ``delete_rows`` (row, count),
``add_sheet`` (name, text in A1), ``comment`` (cell, text),
``read`` (value, string, formula and number format of a cell) and
``protected`` (whether the sheet is protected, whether the cell is locked).
After the edits the document is recalculated (``calculateAll``) and stored
as .xlsx; the script prints one JSON list (what each job read) on stdout.
Not a test module: the tests call it through ``tests.io.conftest``.
"""

import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(240):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - office still starting
            time.sleep(0.25)
    raise RuntimeError("LibreOffice did not start")


def _go_to(doc, dispatcher, frame, sheet, cell):
    """Put the cell cursor on ``cell`` as the Name Box does (select() alone does not move it)."""
    doc.getCurrentController().setActiveSheet(sheet)
    dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (_prop("ToPoint", cell),))


def _run_job(ctx, desktop, job):
    smgr = ctx.ServiceManager
    url = uno.systemPathToFileUrl(os.path.abspath(job["in"]))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    frame = doc.getCurrentController().getFrame()
    read = {}
    for edit in job["edits"]:
        op = edit["op"]
        sheet = doc.Sheets.getByName(edit["sheet"]) if "sheet" in edit else None
        if op == "type":
            _go_to(doc, dispatcher, frame, sheet, edit["cell"])
            dispatcher.executeDispatch(
                frame, ".uno:EnterString", "", 0, (_prop("StringName", edit["text"]),)
            )
        elif op == "string":
            sheet.getCellRangeByName(edit["cell"]).setString(edit["text"])
        elif op == "value":
            sheet.getCellRangeByName(edit["cell"]).setValue(edit["value"])
        elif op == "clear":  # the Delete key: values, text and formulas
            sheet.getCellRangeByName(edit["cell"]).clearContents(1 | 2 | 4 | 16)
        elif op == "add_sheet":
            doc.Sheets.insertNewByName(edit["name"], doc.Sheets.getCount())
            doc.Sheets.getByName(edit["name"]).getCellRangeByName("A1").setString(edit["text"])
            continue
        elif op == "comment":  # Insert > Comment
            cell = sheet.getCellRangeByName(edit["cell"])
            sheet.getAnnotations().insertNew(cell.getCellAddress(), edit["text"])
        elif op == "unprotect":  # Tools > Protect Sheet, unticked (no password)
            sheet.unprotect("")
        elif op == "delete_rows":
            sheet.getRows().removeByIndex(edit["row"] - 1, edit.get("count", 1))
        elif op == "read":
            cell = sheet.getCellRangeByName(edit["cell"])
            number_format = doc.getNumberFormats().getByKey(cell.NumberFormat).FormatString
            read[f"{edit['sheet']}!{edit['cell']}"] = {
                "value": cell.getValue(),
                "string": cell.getString(),
                "formula": cell.getFormula(),
                "format": number_format,
            }
        elif op == "protected":
            cell = sheet.getCellRangeByName(edit["cell"])
            read[f"{edit['sheet']}!{edit['cell']}"] = {
                "sheet_protected": sheet.isProtected(),
                "locked": cell.CellProtection.IsLocked,
            }
        else:
            raise ValueError(op)
    doc.calculateAll()
    if job.get("out"):
        out = uno.systemPathToFileUrl(os.path.abspath(job["out"]))
        doc.storeToURL(out, (_prop("FilterName", "Calc MS Excel 2007 XML"),))
    return read  # the office quits after each job: closing documents crashes some builds


def _office_job(spec, job):
    pipe = "natoplanner_" + uuid.uuid4().hex
    office = subprocess.Popen(
        [
            spec["soffice"],
            f"-env:UserInstallation={spec['profile']}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = _connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        read = _run_job(ctx, desktop, job)
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge goes away as the office quits
            pass
        return read
    finally:
        try:
            office.wait(60)
        except subprocess.TimeoutExpired:
            office.kill()


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        spec = json.load(handle)
    print(json.dumps([_office_job(spec, job) for job in spec["jobs"]]), flush=True)


if __name__ == "__main__":
    main()
