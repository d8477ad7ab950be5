"""The shared table model and its search/sort proxy, tested without a window."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt

from nclm_desktop.ui.table_models import Column, RecordTableModel, SearchFilterProxy


@dataclass
class Row:
    id: int
    name: str
    born: dt.date | None


def make(n: int = 10_000) -> tuple[RecordTableModel, SearchFilterProxy]:
    model = RecordTableModel([Column("id", "#"), Column("name", "Name"), Column("born", "Born")])
    model.set_rows(
        [
            Row(
                i,
                f"Patient {i:05d}" if i % 7 else f"王 {i}",
                dt.date(1950, 1, 1) + dt.timedelta(days=i) if i % 5 else None,
            )
            for i in range(n)
        ]
    )
    proxy = SearchFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def test_filter_is_case_insensitive_substring_over_all_columns(qapp):
    model, proxy = make()
    assert proxy.rowCount() == 10_000
    proxy.set_search("PATIENT 0012")
    shown = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert shown and all("patient 0012" in s.lower() for s in shown)
    proxy.set_search("王")
    assert proxy.rowCount() == len([i for i in range(10_000) if i % 7 == 0])
    proxy.set_search("1950-01-03")  # a date column matches too
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["2"]
    proxy.set_search("")
    assert proxy.rowCount() == 10_000


def test_sort_numbers_numerically_dates_by_date_and_empty_first(qapp):
    model, proxy = make(30)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["29", "28", "27"]
    proxy.sort(2, Qt.SortOrder.AscendingOrder)
    born = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert born[:6] == [""] * 6  # rows 0, 5, 10 ... have no date
    assert born[6:] == sorted(born[6:])


def test_map_to_source_follows_filter_and_sort(qapp):
    model, proxy = make(100)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    proxy.set_search("patient 0004")
    first = proxy.mapToSource(proxy.index(0, 1))
    assert model.row_data(first.row()).id == 48  # 49 is "王 49"
    assert proxy.mapFromSource(model.index(40, 0)).row() == 7  # 48..43, 41, 40
    assert not proxy.mapFromSource(model.index(3, 0)).isValid()
    assert not proxy.index(0, 0, proxy.index(0, 0)).isValid()
    assert proxy.parent(proxy.index(0, 0)) == QModelIndex()


def test_typing_on_narrows_and_deleting_widens_again(qapp):
    model, proxy = make(2_000)

    def shown() -> list[str]:
        return [proxy.index(r, 1).data() for r in range(proxy.rowCount())]

    typed = {}
    for text in ("p", "pa", "patient 01", "patient 012"):
        proxy.set_search(text)
        typed[text] = shown()
    assert typed["patient 012"] == [s for s in typed["pa"] if "patient 012" in s.lower()]
    proxy.set_search("patient 01")  # backspace: rows hidden by "patient 012" come back
    assert shown() == typed["patient 01"] and len(shown()) > len(typed["patient 012"])
    proxy.set_search("atient 01")  # an edit that is not typing on
    assert len(shown()) == len(typed["patient 01"])


def test_search_text_arriving_while_filtered_finds_more_rows(qapp):
    model, proxy = make(70)
    proxy.set_search("wan")
    assert proxy.rowCount() == 0
    model.add_search_text("name", {f"王 {i}": "wang" for i in range(0, 70, 7)})
    assert proxy.rowCount() == 10  # not narrowed from the empty result
    proxy.set_search("wang")
    assert proxy.rowCount() == 10


def test_a_painted_cell_gets_every_role_in_one_call(qapp):
    """The view's delegate fetches a cell's roles with multiData; the proxy answers it from
    the precomputed texts, the same as data() role by role."""
    from PySide6.QtCore import QModelRoleData, QModelRoleDataSpan

    model, proxy = make(20)
    index = proxy.index(3, 1)
    for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.UserRole):
        item = QModelRoleData(role)
        proxy.multiData(index, QModelRoleDataSpan(item))
        assert item.data() == proxy.data(index, role)
    item = QModelRoleData(Qt.ItemDataRole.DisplayRole)
    proxy.multiData(index, QModelRoleDataSpan(item))
    assert item.data() == "Patient 00003"
    assert proxy.flags(index) == model.flags(model.index(3, 1))
