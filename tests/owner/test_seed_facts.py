"""This CV's own facts: what ``cv-source.txt`` said when the CV was first written.

This folder belongs to the CV's owner, not to the engine: an engine update never
touches it, and a new CV (``nox -s new``) starts without this file. Someone who
makes the repository their own CV deletes it; nothing else depends on it.

Every check of the engine and of the content (``tests/test_site.py``,
``tests/test_pdf.py``, ``tests/test_publications.py``) is derived from the
sources and holds for any CV. These facts are the other half: that the sources
say what the owner's record says. They are history that an ordinary edit (a new
paper, a new job, a removed talk, a new email address) does not change, so the
contact details and the talks are left to the derived checks.

Spelling slips of the source are corrected here as in the pages (``principles``,
``Hessian``, ``Mountain View``); nothing else differs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from conftest import main_text

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

IDENTITY = [
    "Clemens JS Schäfer",
    "Clemens Jonathan Simon Schäfer",
]

EDUCATION = [
    "Doctor of Philosophy, Computer Science and Engineering",
    "University of Notre Dame",
    "Notre Dame, IN",
    "Jul 2018 – Present",
    "Doctoral advisor: Dr Siddharth Joshi",
    "Master of Science, Computational Finance",
    "University College London",
    "London, UK",
    "Sep 2016 – Aug 2017",
    "Graduated with Distinction",
    "Bachelor of Science, Business Administration with a Specialisation in Economics",
    "Catholic University of Eichstätt-Ingolstadt",
    "Ingolstadt, DE",
    "Oct 2013 – Aug 2016",
    "Graduated ranked 2nd",
]

RESEARCH_INTERESTS = [
    "Neural Network Model Quantization",
    "Bio-inspired and Neuromorphic Computing",
    "Hardware Acceleration of Machine Learning Algorithms",
    "Spiking Neural Networks (SNNs)",
]

EXPERIENCE = [
    "Graduate Research Assistant, Department of Computer Science and Engineering",
    "Jun 2019 – Present",
    "low-power event-based machine learning algorithms",
    "computer vision and object recognition",
    "findings from neuroscience (such as neural dynamics)",
    "making them biologically plausible",
    "tradeoff between energy and accuracy of efficient quantized spiking neural networks",
    "different weight storage methods, resulting in an ISCAS conference paper",
    "convolutional spiking neural networks trained with local learning",
    "≈ 73 % memory savings at the cost of ≈ 1 % accuracy",
    "published and presented at ICONS",
    "researchers from the department of electrical engineering",
    "neurons based on properties from FerroFET devices, culminating in a joint journal paper",
    "Research Intern, ML Performance Team",
    "Google LLC",
    "Mountain View, CA",
    "May 2022 – Aug 2022",
    "Researching automated heterogeneous quantization without training data.",
    "Combining model data extraction with Hessian computation to estimate layer sensitivities "
    "for bit allocations.",
    "Proof of concept on vision and language models.",
    "Research Intern, QKeras and Application-Specific Machine Learning Team",
    "Virtual",
    "Jun 2021 – Sep 2021",
    "extending company internal quantization efforts by gradient based bit-width adaptation",
    "Exploring various forms of surrogate gradients to train quantized neural networks.",
    "Telluride Neuromorphic Cognition Engineering Workshop",
    "Participant",
    "Aug 2020 – Sep 2020",
    "meta-learning challenge (learning with limited data)",
    "few-shot learning principles to convolutional spiking neural networks",
    "proof-of-concept for spiking few-shot learning with self-supervision",
    "semantically meaningful features",
    "Design Automation Conference (DAC)",
    "Summer School",
    "Jul 2020",
    "Additional training (HLS course) and networking opportunities",
    "a chance to present my current research to the community",
    "Winning the DAC Young Fellows Research Video Award.",
    "Graduate Teaching Assistant, Department of Computer Science and Engineering",
    "Sep 2018 – May 2019",
    "“Introduction to Computing C/C++ Programming”",
    "“Elements of Computing 2”",
    "Coordinating undergrad TAs, grading assignments, projects and exams on time",
    "holding office hours to counsel students and lecturing when the instructor was absent",
    "Ernst & Young GmbH",
    "Frankfurt, DE",
    "Mar 2018 – Jul 2018",
    "Quant Team/Data Scientist, Financial Accounting Advisory Services",
    "benchmark analysis for various financial instruments",
    "(e.g. equities, bonds, foreign exchange instruments and futures)",
    "Investigating price deviations and anomalies",
    "visualizing the deviations on a portfolio level",
    "communicating the results with international teams",
    "a tool to aid the data handling for equity, bond and forward pricing",
    "Python3, Flask and SQLite",
    "large scale bond price deviation analysis to characterize deviations",
    "ridge regression, support vector regression and regression trees",
    "scikit-learn, NumPy, pandas, matplotlib",
]

PUBLICATION_TITLES = [
    "Edge Inference with Fully Differentiable Quantized Mixed Precision Neural Networks",
    "A compute-in-memory chip based on resistive random-access memory",
    "LSTMs for Keyword Spotting with ReRAM-based Compute-In-Memory Architectures",
    "Quantizing Spiking Neural Networks with Integers",
    "Memory Organization for Energy Efficient Learning and Inference in Digital Neuromorphic "
    "Accelerators",
    "Supervised Learning in All FeFET-Based Spiking Neural Network: Opportunities and Challenges",
    "Memory Organization and Structures for On-Chip Learning in Spiking Neural Networks",
]

PUBLICATIONS = [
    *PUBLICATION_TITLES,
    "Clemens JS Schaefer, Siddharth Joshi, Shan Li, Raul Blazquez",
    "arXiv:2206.07741v1",
    "Weier Wan, Rajkumar Kubendran, Clemens JS Schaefer, S. Burc Eryilmaz, Wenqiang Zhang, "
    "Dabin Wu, Stephen Deiss, Priyanka Raina, He Qian, Bin Gao, Siddharth Joshi",
    "Nature",
    "608",
    "504–512",
    "Clemens JS Schaefer, Mark Horeni, Pooria Taheri, Siddharth Joshi",
    "IEEE International Symposium on Circuits and Systems (ISCAS), 2021",
    "International Conference on Neuromorphic Systems (ICONS)",
    "Clemens JS Schaefer, Patrick Faley, Emre Neftci, Siddharth Joshi",
    "IEEE International Symposium on Circuits and Systems (ISCAS)",
    "Sourav Dutta, Clemens JS Schaefer, Jorge Tomas Gomez, Siddharth Joshi, Suman Datta",
    "Frontiers in Neuroscience",
    "IEEE 63rd International Midwest Symposium on Circuits and Systems (MWSCAS)",
]

COURSEWORK = [
    "Hardware Platforms for Deep Learning and Optimization",
    "Advanced Computer Architecture",
    "Machine Learning",
    "Complexity and Algorithms",
    "Operating Systems",
    "VLSI Circuit Design",
]

SKILLS = [
    "Python (proficient), JAX (proficient), PyTorch (proficient), TensorFlow (proficient), "
    "C++ (basic)",
    "Matlab (intermediate), Cadence Virtuoso (basic), LaTeX (intermediate)",
    "German (native), English (proficient, TOEFL iBT 112), Spanish (conversational)",
]

FELLOWSHIPS = [
    "Young Student Fellow",
    "Friedrich-Naumann-Foundation for Liberty",
    "Oct 2013 – Aug 2017",
    "German Academic Exchange Service",
    "Nov 2014 – Apr 2015",
    "Fellowship Holder",
]

ALL = [
    *IDENTITY,
    *EDUCATION,
    *RESEARCH_INTERESTS,
    *EXPERIENCE,
    *PUBLICATIONS,
    *COURSEWORK,
    *SKILLS,
    *FELLOWSHIPS,
]


def squash(text: str) -> str:
    """Text without white space or hyphens: line breaks and hyphenation fall away."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


@pytest.fixture(scope="module")
def site_text(pages: dict[str, BeautifulSoup]) -> str:
    return " ".join(main_text(page) for name, page in pages.items() if name != "search")


@pytest.mark.parametrize("fact", ALL)
def test_every_fact_is_on_the_site(site_text: str, fact: str) -> None:
    assert fact in site_text


@pytest.mark.parametrize("fact", ALL)
def test_every_fact_is_in_the_pdf(pdf_text: str, fact: str) -> None:
    assert squash(fact) in squash(pdf_text)


def test_every_publication_title_is_listed_once(pages: dict[str, BeautifulSoup]) -> None:
    listed = [li.get_text(" ") for li in pages["sections/publications"].select("article li")]
    for title in PUBLICATION_TITLES:
        assert sum(title in item for item in listed) == 1, title
