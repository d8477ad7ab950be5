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
