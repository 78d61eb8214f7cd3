"""Source of L6-fiscal-management.ipynb: run it to rebuild the notebook, then scripts/store_checked_outputs.py."""
from nbsource import HOW_TO_USE, closing_cells, code, md, readings, reflection_cells, tagged, write_notebook

sec = readings("L6-fiscal-management")
cells = []
cells.append(md("""# L6 · Fiscal Management

*Leadership strand · building a budget; decision tools (TCO/ROI)*

""" + HOW_TO_USE))
cells.append(tagged(code('''district: str = "sample-suburban"  # a sample id (sample-rural, sample-suburban, sample-urban) or the path of your district file
candidate: str = "demo"  # your candidate id (the instructor's roster sets it)
seed: int = 2026  # varies the synthetic quotes and estimates; the roster sets one per candidate
fiscal_year: str = "2026-27"  # first fiscal year of the budget (July to June)
discount_rate: float = 0.03  # real discount rate as a fraction; try 0.02, 0.05 and 0.07
horizon_years: int = 5  # years of the device program compared
phone_years: int = 7  # years of savings compared for the phone migration'''), "parameters"))
cells.append(tagged(code('''from workbook.notebook import answer, show_figure, show_table, start
from workbook.notebook.charts import cumulative_cashflow_chart, distribution_chart, refresh_cycle_chart, tornado_chart
from workbook.notebook.widgets import budget_explorer, tco_explorer
from workbook.scenarios.fiscal import budget_lines_with_grant, device_program_inputs, phone_migration
from workbook.tools.budget import budget_worksheet
from workbook.tools.finance import cashflow_table, discounted_payback_period, irr, npv, payback_period
from workbook.tools.tco_devices import device_program_tco, tco_by_refresh_cycle
from workbook.tools.tco_uncertainty import device_program_monte_carlo, device_program_total, sensitivity

wb = start("L6", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year,
           discount_rate=discount_rate, horizon_years=horizon_years, phone_years=phone_years)
wb'''), "hide-input"))
cells.append(md("## Learning outcomes\n\n" + sec["Learning outcomes"]))
cells.append(md("# Readings\n\nAbout forty minutes of reading, in five parts. Sources are named in the text and listed at the end of the notebook."))
for title in ["Building a district technology budget", "Restricted and unrestricted funds", "Total cost of ownership", "ROI, NPV, IRR and payback", "CoSN's Value of Investment"]:
    cells.append(md(f"## {title}\n\n" + sec[title]))
cells.append(md("""# Worked example: interactive panels replacing projectors

A middle school plans to replace its classroom projectors with interactive flat panels. The panels cost 120,000 dollars now (year 0) and, by ending lamp replacements, projector repairs and some printing, save 30,000 dollars in year 1, 35,000 in year 2 and 40,000 in each of years 3 to 5 (illustrative figures). Is it worth it at your discount rate, and how sensitive is the answer to the rate?

`cashflow_table` lays the flows out year by year with their discount factors and present values; `npv`, `irr` and `payback_period` give the three numbers a board asks for."""))
cells.append(code('''panels = [-120_000, 30_000, 35_000, 40_000, 40_000, 40_000]
show_table(cashflow_table(discount_rate, panels).set_index("year"), "Interactive panels: cash flows", money=("cash_flow", "present_value", "cumulative", "cumulative_pv"))
show_figure(cumulative_cashflow_chart(cashflow_table(discount_rate, panels), "Interactive panels: cumulative cash flow"),
            "Line chart of cumulative cash flow, plain and discounted, crossing zero between years 3 and 4.")'''))
cells.append(code('''# NBVAL_CHECK_OUTPUT
for rate in (0.02, 0.03, 0.05, 0.07):
    print(f"NPV at {rate:.0%}: {npv(rate, panels):>10,.0f} dollars")
print(f"IRR: {irr(panels):.1%}   payback: {payback_period(panels):.2f} years")'''))
cells.append(md("""The project pays back in its fourth year (about 3.4 years) and earns about 15% a year: its NPV is positive at every rate in the range worth trying (2% to 7%). A board also hears *what could go wrong*: the **sensitivity** of the answer to each input, and a **Monte Carlo** view of its uncertainty. Below, the same tools on your district's device program: which input moves the five-year total most?"""))
cells.append(md("""# Exercise 1 · Five-year TCO of a 1:1 Chromebook program

Your district keeps one device per student. The table below has the program's inputs: device counts and price from your district profile, and estimates of software, connectivity, support, training and hidden costs (synthetic, varied by your seed; replace them with your own when you work on your district's real plan).

Compute the program's **total cost of ownership over the horizon** with `device_program_tco(**inputs.as_kwargs())` and record its `.total` as `l6-tco-5yr`."""))
cells.append(code('''inputs = device_program_inputs(wb.district, seed, years=horizon_years)
show_table(inputs.table(), "Device program inputs (your district)")'''))
cells.append(tagged(code('''result = device_program_tco(**inputs.as_kwargs())
answer("l6-tco-5yr", result.total)'''), "solution", id="l6-tco-5yr", kind="exercise"))
cells.append(md("""# Exercise 2 · TCO per device-year

The number boards compare across programs is the cost **per device-year**: total cost divided by devices times years. Record `result.per_device_year` as `l6-tco-per-device-year`. Then look at the chart: which category grows the most after year 1, and which costs would never appear in a purchase order?"""))
cells.append(tagged(code('''answer("l6-tco-per-device-year", result.per_device_year)'''), "solution", id="l6-tco-per-device-year", kind="exercise"))
cells.append(tagged(md("""### Artifact · Your device program's TCO

The chart and table below stay in your portfolio. With a running kernel you can move the sliders to see how price, refresh cycle, support hours and horizon change the total."""), "artifact", id="l6-artifact-tco", kind="artifact", title="Five-year TCO of a 1:1 device program"))
cells.append(tagged(code('''tco_explorer(inputs);'''), "artifact", "hide-input", id="l6-artifact-tco-chart", kind="artifact", title="Five-year TCO of a 1:1 device program"))
cells.append(md("""### Worked example · What moves the total most, and how uncertain is it?

`sensitivity` moves one input at a time between a low and a high value and reports the swing in the total: the table behind a **tornado chart**. `device_program_monte_carlo` draws 10,000 plausible combinations at once (seeded, so your numbers are repeatable) and shows the spread of outcomes."""))
cells.append(code('''base = inputs.as_kwargs()
def total(**kw):
    return device_program_total(**kw)
ranges = {
    "unit_cost": (base["unit_cost"] * 0.8, base["unit_cost"] * 1.3),
    "support_hours_per_device": (base["support_hours_per_device"] * 0.5, base["support_hours_per_device"] * 2),
    "software_per_device": (base["software_per_device"] * 0.7, base["software_per_device"] * 1.5),
    "downtime_hours_per_device": (0.0, base["downtime_hours_per_device"] * 2),
    "escalation": (0.0, 0.06),
}
tornado = sensitivity(total, base, ranges)
show_figure(tornado_chart(tornado, "Device program: what moves the five-year total most"),
            f"Tornado chart; the widest bar is {tornado.loc[0, 'input'].replace('_', ' ')}, which swings the total by {tornado.loc[0, 'swing']:,.0f} dollars.")'''))
cells.append(code('''mc = device_program_monte_carlo(
    {"unit_cost": ("triangular", base["unit_cost"] * 0.9, base["unit_cost"], base["unit_cost"] * 1.3),
     "support_hours_per_device": ("uniform", base["support_hours_per_device"] * 0.5, base["support_hours_per_device"] * 2)},
    n=10_000, seed=seed, **{k: v for k, v in base.items() if k not in ("unit_cost", "support_hours_per_device")})
show_figure(distribution_chart(mc.samples, "Device program: range of five-year totals (10,000 simulations)"),
            f"Histogram of simulated five-year totals; the middle 90% lies between {mc.percentile(5):,.0f} and {mc.percentile(95):,.0f} dollars.")
show_table(mc.summary().to_frame("five-year total"), "Monte Carlo summary", money="all")'''))
cells.append(md("""# Exercise 3 · A phone-system migration: NPV, IRR and payback

Your district has quotes to move from its on-premises phone system to hosted VoIP (table below; synthetic). `phone.cashflows()` gives year 0 (the migration cost, negative) followed by the yearly savings.

1. Record the **NPV at your `discount_rate`** as `l6-phone-npv`.
2. Record the **IRR** as `l6-phone-irr` (a fraction: 0.12 is 12%).
3. Record the **simple payback period in years** as `l6-phone-payback`."""))
cells.append(code('''phone = phone_migration(wb.district, seed, years=phone_years)
show_table(phone.table(), "Phone migration quotes (synthetic)")'''))
cells.append(tagged(code('''flows = phone.cashflows()
answer("l6-phone-npv", npv(discount_rate, flows))'''), "solution", id="l6-phone-npv", kind="exercise"))
cells.append(tagged(code('''answer("l6-phone-irr", irr(flows))'''), "solution", id="l6-phone-irr", kind="exercise"))
cells.append(tagged(code('''answer("l6-phone-payback", payback_period(flows))'''), "solution", id="l6-phone-payback", kind="exercise"))
cells.append(md("""Compare the simple payback with `discounted_payback_period(discount_rate, flows)`: why is the discounted one always longer for a conventional project?"""))
cells.append(md("""# Exercise 4 · How TCO moves with the refresh cycle

Keep every input of Exercise 1 but vary how long a device stays in service: 3, 4, 5 or 6 years. Use `tco_by_refresh_cycle` with the same inputs (everything but `refresh_years`), your horizon, and `credit_residual=True` so a fleet still in service at the end of the horizon is credited for its remaining life. Record the **`per_device_year` column** (a Series indexed by the cycle) as `l6-refresh-per-device-year`."""))
cells.append(tagged(code('''options = {k: v for k, v in inputs.as_kwargs().items() if k != "refresh_years"}
by_cycle = tco_by_refresh_cycle(cycles=(3, 4, 5, 6), credit_residual=True, **options)
answer("l6-refresh-per-device-year", by_cycle["per_device_year"])'''), "solution", id="l6-refresh-per-device-year", kind="exercise"))
cells.append(code('''# The comparison, computed here so it shows whether or not the exercise above is done yet.
cycles = tco_by_refresh_cycle(cycles=(3, 4, 5, 6), credit_residual=True,
                              **{k: v for k, v in inputs.as_kwargs().items() if k != "refresh_years"})
show_figure(refresh_cycle_chart(cycles), "Bar chart of TCO per device-year for refresh cycles of 3 to 6 years.")
show_table(cycles, "TCO by refresh cycle", money=("device_cost", "other_cost", "total", "per_device_year"))'''))
cells.append(md("""A longer cycle spreads the purchase over more years, but the model above holds support and downtime flat as devices age. Would they stay flat in your district? What does the Chromebook Auto Update Expiration date (counted from the platform's release, not your purchase) do to a six-year cycle?"""))
cells.append(md("""# Exercise 5 · A three-year budget with a restricted grant

Your department's recurring lines (from your district profile: salaries with 2% steps, CalPERS employer contributions by year from the reference table, software and contracts growing 3%) are funded by an LCFF allocation the board holds flat. A three-year **Title IV, Part A** grant (restricted resource 4127; synthetic award) pays for devices and training on the schedule shown.

Build the worksheet with `budget_worksheet(lines, fiscal_year, 3, one_time=one_time)` and record the **unrestricted net (revenue minus expenditure) in the third year** as `l6-budget-unrestricted-net`. Note that the grant's surplus in year 1 is restricted: it must not make the unrestricted budget look healthier."""))
cells.append(code('''lines, one_time = budget_lines_with_grant(wb.district, seed, fiscal_year)
show_table(budget_worksheet(lines, fiscal_year, 3, one_time=one_time).table.set_index("description").drop(columns=["escalator", "one_time", "erate_discount"], errors="ignore"),
           "Budget lines", money="all")'''))
cells.append(tagged(code('''sheet = budget_worksheet(lines, fiscal_year, 3, one_time=one_time)
answer("l6-budget-unrestricted-net", sheet.summary().loc[("unrestricted", "net")].iloc[-1])'''), "solution", id="l6-budget-unrestricted-net", kind="exercise"))
cells.append(tagged(md("""### Artifact · Three-year technology budget

The chart and summary below stay in your portfolio. With a running kernel, move the sliders to see what salary steps and software price increases do to the unrestricted net."""), "artifact", id="l6-artifact-budget", kind="artifact", title="Three-year technology budget with a restricted grant"))
cells.append(tagged(code('''budget_explorer(lines, one_time, fiscal_year, 3);'''), "artifact", "hide-input", id="l6-artifact-budget-chart", kind="artifact", title="Three-year technology budget with a restricted grant"))
cells += reflection_cells(sec)
cells += closing_cells(sec)
write_notebook(cells, "L6", "Fiscal Management", "leadership/L6-fiscal-management.ipynb")
