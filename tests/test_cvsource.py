"""The reader of the CV's sources that the content checks rely on, on pages written here.

If it misread a page, the checks on the real CV would expect text no output
shows (a failure for a correct CV) or miss text that an output lost.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from cvsource import CvEntry, in_order, letters, read_page

if TYPE_CHECKING:
    from pathlib import Path

CONF = SimpleNamespace(cv_name="Ada Example", cv_email="ada@example.org")

PAGE = """\
---
orphan: true
---

# Experience of {cv}`name`

<!-- A comment
over two lines -->
% A MyST comment

Intro with a [link](https://example.org) and ![a photo](me.png) and **bold**.

:::{cv-entry} Research Intern, *Team*
:organisation: "Big" Lab
:location: Lyon, France
:start: 2022-05
:end: present

- Built a simulator.
- Wrote **two** papers.
:::

::::{only} html
Only on the website.
::::

```python
:::{cv-entry} Not an entry
print("code")
```

```{toctree}
sections/a
```

## Students

1. Kim Lee
"""


def read(tmp_path: Path, text: str = PAGE) -> object:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return read_page(path, "page", CONF)


def test_title_entries_and_options_as_written(tmp_path: Path) -> None:
    page = read(tmp_path)
    assert page.title == "Experience of Ada Example"
    [entry] = page.entries
    assert entry.title == "Research Intern, *Team*"
    assert entry.options == {
        "organisation": '"Big" Lab', "location": "Lyon, France",
        "start": "2022-05", "end": "present",
    }  # fmt: skip
    assert entry.body == ["Built a simulator.", "Wrote two papers."]


def test_prose_per_output_without_comments_code_or_image_text(tmp_path: Path) -> None:
    page = read(tmp_path)
    common = [
        "Experience of Ada Example",
        "Intro with a link and  and bold.",
        "Built a simulator.",
        "Wrote two papers.",
    ]
    assert page.prose["latex"] == [*common, "Students", "Kim Lee"]
    assert page.prose["html"] == [*common, "Only on the website.", "Students", "Kim Lee"]
    assert page.directives == {"cv-entry", "only", "code", "toctree"}


def test_dates_read_as_the_cv_shows_them() -> None:
    entry = CvEntry("T", {"start": "2016-23", "end": "present"}, [])
    assert entry.date_texts("en") == ["Autumn 2016", "Present"]
    assert CvEntry("T", {"start": "2019-06-03", "end": "2020"}, []).date_texts("en") == [
        "Jun 2019",
        "2020",
    ]
    assert CvEntry("T", {"start": "2019-06"}, []).date_texts("de") == ["2019"]


def test_text_is_compared_by_its_letters_in_order() -> None:
    assert letters("“Quoted” – Schäfer, 2nd") == "quotedschäfer2nd"
    assert in_order(["one", "two"], "One, then\nTW-\nO") == []
    assert in_order(["two", "one"], "one two") == ["one"]
