"""Source of T3-technology-services.ipynb: run it to rebuild the notebook, then scripts/store_checked_outputs.py."""
from nbsource import HOW_TO_USE, closing_cells, code, md, readings, reflection_cells, tagged, write_notebook

sec = readings("T3-technology-services")
cells = []
cells.append(md("""# T3 · Technology Services

*Technology strand · hardware and software currency; planning for internal services; desktop support*

""" + HOW_TO_USE))
cells.append(tagged(code('''district: str = "sample-suburban"  # a sample id (sample-rural, sample-suburban, sample-urban) or the path of your district file
candidate: str = "demo"  # your candidate id (the instructor's roster sets it)
seed: int = 2026  # varies the synthetic inventories and tickets; the roster sets one per candidate
fiscal_year: str = "2026-27"  # the fiscal year analysed (July to June): ages, dates and tickets count from it
plan_years: int = 5  # years of the device refresh schedule
sla_p1_hours: float = 4.0  # service level: hours to resolve a P1 (urgent) ticket
sla_p2_hours: float = 8.0  # service level: hours to resolve a P2 (high) ticket'''), "parameters"))
cells.append(tagged(code('''from workbook.datasets import device_inventory, helpdesk_tickets, software_inventory
from workbook.notebook import answer, show_figure, show_table, start
from workbook.notebook.charts_services import fleet_age_chart, software_currency_chart, ticket_volume_chart
from workbook.notebook.widgets_services import refresh_explorer
from workbook.scenarios.services import (refresh_inputs, service_catalogue, sla_targets, software_as_of,
                                         student_fleet, support_technicians, supported_staff)
from workbook.tools.services import (fleet_age_profile, refresh_schedule, sla_attainment, software_currency,
                                     staffing_ratios, ticket_volume, time_to_resolve)

wb = start("T3", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year,
           plan_years=plan_years, sla_p1_hours=sla_p1_hours, sla_p2_hours=sla_p2_hours)
wb'''), "hide-input"))
cells.append(md("## Learning outcomes\n\n" + sec["Learning outcomes"]))
cells.append(md("# Readings\n\nAbout thirty-five minutes of reading, in four parts. Sources are named in the text and listed at the end of the notebook."))
for title in ["Hardware currency", "Software currency", "Planning for internal services", "Desktop support by the numbers"]:
    cells.append(md(f"## {title}\n\n" + sec[title]))
cells.append(md("""# Worked example: a small fleet on a four-year life

A small district has 1,000 student Chromebooks: 400 bought in 2021-22, 400 in 2023-24 and 200 in 2025-26 (illustrative figures). Its planned life is four years, a device costs 400 dollars, and the board gives 100,000 dollars a year for student devices. How old is the fleet in 2026-27, and what does a level-loaded refresh look like for three years?

`fleet_age_profile` groups the devices by age and marks those at or past their planned life; `refresh_schedule` buys the steady-state quota (the fleet divided by the life, here 250 a year), oldest first, plus any backlog the budget allows, and never spends more than the budget."""))
cells.append(code('''# NBVAL_CHECK_OUTPUT
small = [{"purchase_year": 2021, "count": 400}, {"purchase_year": 2023, "count": 400}, {"purchase_year": 2025, "count": 200}]
print(fleet_age_profile(small, "2026-27", lifespan_years=4).to_string(index=False))
print()
plan = refresh_schedule(small, 100_000, 400, 4, 3, start="2026-27")
print(plan[["fiscal_year", "due", "replaced", "cost", "past_lifespan_after", "average_age_after"]].to_string(index=False))'''))
cells.append(md("""Forty percent of the fleet is five years old, past its planned life. The budget buys exactly the quota of 250 a year, so the backlog of 400 is never cleared: it shrinks to 150, grows back to 300 when the 2023 purchase comes due, and is still 50 at the end of the third year. To clear it the district needs more money in one year, a longer planned life, or a cheaper device. That is the conversation the schedule makes possible.

## Your district's data

The cells below make your district's **device inventory**, **software inventory** and a **year of help desk tickets** from your district profile and your `seed`: synthetic, shaped like a real district, and different for every candidate. To run the same analysis on your own district later, export your data as a spreadsheet with the columns shown and replace a line with, for example, `devices = read_dataset_file("device_inventory", "my-devices.csv")` (from `workbook.datasets`). The self-checks compare with the synthetic data, so do that after you have answered the exercises."""))
cells.append(code('''devices = device_inventory(wb.district, seed, fiscal_year)
software = software_inventory(wb.district, seed, fiscal_year)
tickets = helpdesk_tickets(wb.district, seed, fiscal_year)
show_table(devices.set_index("group_id").drop(columns=["aue_basis"]), "Device inventory (synthetic)", money=("unit_cost",))'''))
cells.append(md("""# Exercise 1 · How much of the fleet is past its planned life?

Build the age profile of the **whole** fleet (student and staff devices) in your fiscal year with `fleet_age_profile(devices, fiscal_year, lifespan_years=wb.district.devices.lifespan_years)`. Record the **number of devices at or past the planned lifespan** (the rows marked `past_lifespan`) as `t3-past-lifespan`."""))
cells.append(tagged(code('''profile = fleet_age_profile(devices, fiscal_year, lifespan_years=wb.district.devices.lifespan_years)
answer("t3-past-lifespan", int(profile.loc[profile["past_lifespan"], "devices"].sum()))'''), "solution", id="t3-past-lifespan", kind="exercise"))
cells.append(code('''ages = fleet_age_profile(devices, fiscal_year, lifespan_years=wb.district.devices.lifespan_years)
show_figure(fleet_age_chart(ages, f"{wb.district.name}: devices by age in {fiscal_year}"),
            f"Bar chart of devices by age; {int(ages.loc[ages['past_lifespan'], 'devices'].sum()):,} devices are at or past the "
            f"{wb.district.devices.lifespan_years}-year planned life.")'''))
cells.append(md("""The Chromebooks in the inventory also carry an `aue_year`: the year their platform stops receiving updates. Which groups reach it within your plan period, even if they are younger than the planned life?

# Exercise 2 · A level-loaded refresh of the student fleet

The board funds student devices from the device line of the budget (SACS object 4400); the table below shows the share for student devices this year (synthetic), the device price and the planned life from your district profile. Build the schedule for the **student Chromebooks only** with `refresh_schedule(student_fleet(devices), **refresh.as_kwargs())` and record its **`replaced` column** (devices replaced in each fiscal year) as `t3-refresh-replaced`."""))
cells.append(code('''refresh = refresh_inputs(wb.district, seed, fiscal_year, years=plan_years)
show_table(refresh.table(), "Refresh inputs (your district)")'''))
cells.append(tagged(code('''schedule = refresh_schedule(student_fleet(devices), **refresh.as_kwargs())
answer("t3-refresh-replaced", schedule["replaced"])'''), "solution", id="t3-refresh-replaced", kind="exercise"))
cells.append(tagged(md("""### Artifact · Your refresh schedule

The chart and table below stay in your portfolio. With a running kernel, move the sliders: how large must the annual budget be to clear the backlog within your plan? What does a five- or six-year life do, and what does it cost in AUE terms?"""), "artifact", id="t3-artifact-refresh", kind="artifact", title="Level-loaded device refresh schedule"))
cells.append(tagged(code('''refresh_explorer(student_fleet(devices), refresh);'''), "artifact", "hide-input", id="t3-artifact-refresh-chart", kind="artifact", title="Level-loaded device refresh schedule"))
cells.append(md("""# Exercise 3 · What it costs to stay current

Measure your software inventory's currency on July 1 of your fiscal year (`software_as_of(fiscal_year)`) with a one-year horizon: `software_currency(software, software_as_of(fiscal_year), horizon_days=365)`. Record the **total cost to stay current** (the sum of the `cost_to_stay_current` column: unsupported and ending-soon products) as `t3-software-cost`."""))
cells.append(tagged(code('''currency = software_currency(software, software_as_of(fiscal_year), horizon_days=365)
answer("t3-software-cost", float(currency["cost_to_stay_current"].sum()))'''), "solution", id="t3-software-cost", kind="exercise"))
cells.append(code('''currency_table = software_currency(software, software_as_of(fiscal_year), horizon_days=365)
show_table(currency_table[["product", "version", "end_of_support", "count", "status", "fiscal_year_of_end", "cost_to_stay_current", "confidence"]].set_index("product"),
           "Software currency", money=("cost_to_stay_current",))
show_figure(software_currency_chart(currency_table), "Stacked bar chart of upgrade cost by the fiscal year in which support ends, split into unsupported, ending soon and supported products.")'''))
cells.append(md("""# Exercise 4 · Which products fall out of support within the year?

From the same table, record the **names of the products whose status is "ending soon"**, each name once, sorted alphabetically (a list of text), as `t3-software-ending`. Products already unsupported are a separate, more urgent list: what would you do about them first?"""))
cells.append(tagged(code('''answer("t3-software-ending", sorted(set(currency.loc[currency["status"] == "ending soon", "product"])))'''), "solution", id="t3-software-ending", kind="exercise"))
cells.append(md("""## Planning internal services: a draft catalogue

The table below is a **draft** catalogue of the services a district technology department offers, with a service level and the staff each needs (staffing factors are illustrative, scaled to your fleet and varied by your seed). Compare its total with your IT staff, then use it in the first reflection: which levels would your ticket data support?"""))
cells.append(code('''catalogue = service_catalogue(wb.district, seed)
show_table(catalogue.set_index("service"), "Draft service catalogue (illustrative levels and staffing)")
print(f"Staff the draft needs: {catalogue['fte_needed'].sum():.1f} FTE; IT staff in your district profile: {wb.district.staff.it}")'''))
cells.append(md("""# Exercise 5 · Time to resolve: the typical ticket and the unlucky one

`time_to_resolve(tickets)` gives the **median** and **90th percentile** hours from opening to resolution over all resolved tickets. Record the median as `t3-ttr-median` and the 90th percentile as `t3-ttr-p90`. Then try `time_to_resolve(tickets, by="category")`: which category makes users wait longest?"""))
cells.append(tagged(code('''ttr = time_to_resolve(tickets)
answer("t3-ttr-median", float(ttr.loc[0, "median_hours"]))'''), "solution", id="t3-ttr-median", kind="exercise"))
cells.append(tagged(code('''answer("t3-ttr-p90", float(ttr.loc[0, "p90_hours"]))'''), "solution", id="t3-ttr-p90", kind="exercise"))
cells.append(code('''show_table(time_to_resolve(tickets, by="category").set_index("category"), "Hours to resolve by category")'''))
cells.append(md("""# Exercise 6 · Service-level attainment for high-priority tickets

Your department promises to resolve P1 tickets within `sla_p1_hours` and P2 tickets within `sla_p2_hours` (parameters above; P3 and P4 get 24 and 72 hours). Compute attainment with `sla_attainment(tickets, sla_targets(sla_p1_hours, sla_p2_hours))` and record the attainment of the **high-priority tickets** as a mapping `{"P1": ..., "P2": ...}` of fractions, as `t3-sla-high`."""))
cells.append(tagged(code('''sla = sla_attainment(tickets, sla_targets(sla_p1_hours, sla_p2_hours)).set_index("priority")
answer("t3-sla-high", {p: float(sla.loc[p, "attainment"]) for p in ("P1", "P2")})'''), "solution", id="t3-sla-high", kind="exercise"))
cells.append(code('''show_table(sla_attainment(tickets, sla_targets(sla_p1_hours, sla_p2_hours)).set_index("priority"),
           "SLA attainment by priority", percent=("attainment",))'''))
cells.append(tagged(md("""### Artifact · A year of help desk tickets

Ticket volume by month and category for your fiscal year: where the work comes from and when. It stays in your portfolio."""), "artifact", id="t3-artifact-tickets", kind="artifact", title="Help desk tickets by month and category"))
cells.append(tagged(code('''volume = ticket_volume(tickets, by=("category", "month"))
busiest = volume.sum(axis=0).idxmax()
show_figure(ticket_volume_chart(volume, f"{wb.district.name}: tickets by month and category, {fiscal_year}"),
            f"Stacked bar chart of {int(volume.to_numpy().sum()):,} tickets by month and category; the busiest month is {busiest} "
            f"and the largest category is {volume.sum(axis=1).idxmax()}.")'''), "artifact", "hide-input", id="t3-artifact-tickets-chart", kind="artifact", title="Help desk tickets by month and category"))
cells.append(md("""# Exercise 7 · Devices per technician

Your district has `support_technicians(wb.district, seed)` full-time equivalents of desktop support (synthetic) for every device in the inventory, student and staff. Record the **devices per technician** from `staffing_ratios(devices, staff, technicians)` as `t3-devices-per-tech`, with `staff = supported_staff(wb.district)`. What would a new 1:1 program for one more grade span do to it?"""))
cells.append(tagged(code('''ratios = staffing_ratios(int(devices["count"].sum()), supported_staff(wb.district), support_technicians(wb.district, seed))
answer("t3-devices-per-tech", ratios["devices_per_technician"])'''), "solution", id="t3-devices-per-tech", kind="exercise"))
cells += reflection_cells(sec)
cells += closing_cells(sec)
write_notebook(cells, "T3", "Technology Services", "technology/T3-technology-services.ipynb")
