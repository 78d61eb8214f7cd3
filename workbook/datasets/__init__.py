"""Synthetic district datasets for the Technology strand, and loading the district's own.

Each generator takes a district (a :class:`workbook.districts.District` or any
object with the same attributes) and a ``seed`` and returns a DataFrame. The
same district and seed always give the same data; a different seed or district
gives different data. Everything is synthetic: no real student, staff member or
device appears. :func:`load_dataset` returns the synthetic data or, given a
path, the candidate's own CSV or Excel file, checked column by column.

=====================  =================================================
``risk_register_seed``  twelve K-12 risks with NIST levels and ALE inputs
``network_utilization`` a year of daily peak internet use and the circuit
``device_inventory``    devices by type and purchase year, with AUE dates
``software_inventory``  software with vendors' end-of-support dates
``helpdesk_tickets``    a fiscal year of help desk tickets
=====================  =================================================
"""

from __future__ import annotations

from workbook.datasets.inventory import device_inventory, software_inventory
from workbook.datasets.loader import SCHEMAS, dataset_names, load_dataset, read_dataset_file
from workbook.datasets.network import network_utilization
from workbook.datasets.security import risk_register_seed
from workbook.datasets.tickets import helpdesk_tickets

__all__ = [
    "risk_register_seed",
    "network_utilization",
    "device_inventory",
    "software_inventory",
    "helpdesk_tickets",
    "load_dataset",
    "read_dataset_file",
    "dataset_names",
    "SCHEMAS",
]
