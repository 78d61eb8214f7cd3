"""Source of T2-infrastructure.ipynb: run it to rebuild the notebook, then scripts/store_checked_outputs.py."""
from nbsource import HOW_TO_USE, closing_cells, code, md, readings, reflection_cells, tagged, write_notebook

sec = readings("T2-infrastructure")
cells = []
cells.append(md("""# T2 · Infrastructure

*Technology strand · data delivery and distribution; systems*

""" + HOW_TO_USE))
cells.append(tagged(code('''district: str = "sample-suburban"  # a sample id (sample-rural, sample-suburban, sample-urban) or the path of your district file
candidate: str = "demo"  # your candidate id (the instructor's roster sets it)
seed: int = 2026  # varies the synthetic usage data, school and links; the roster sets one per candidate
fiscal_year: str = "2026-27"  # California fiscal year, July to June
growth: float = 0.5  # yearly growth of peak demand as a fraction: 0.5 is 50%; try 0.3 and 1.0
projection_years: int = 3  # years ahead for the bandwidth projection'''), "parameters"))
cells.append(tagged(code('''from workbook.notebook import answer, show_figure, show_table, start
from workbook.notebook.charts_infrastructure import downtime_chart, utilization_chart
from workbook.notebook.widgets_technology import network_explorer
from workbook.datasets import network_utilization
from workbook.scenarios.infrastructure import current_peak_mbps, district_users, largest_site, wan_paths
from workbook.tools.infrastructure import (access_points_needed, availability_parallel, availability_series, bandwidth_need,
                                           bandwidth_projection, bandwidth_target, c2_five_year_budget, downtime_per_year, wan_need)

wb = start("T2", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year,
           growth=growth, projection_years=projection_years)
wb'''), "hide-input"))
cells.append(md("## Learning outcomes\n\n" + sec["Learning outcomes"]))
cells.append(md("# Readings\n\nAbout thirty minutes of reading, in five parts. Sources are named in the text and listed at the end of the notebook."))
for title in ["Data delivery: bandwidth to the district", "Data distribution: the WAN and wireless", "Systems: availability and redundancy", "Systems: the district's core systems", "Paying for it: E-rate"]:
    cells.append(md(f"## {title}\n\n" + sec[title]))
cells.append(md("""# Worked example: two 99.9% links, in series and in parallel

Two components, each available 99.9% of the time. In **series** (both needed) the availabilities multiply; in **parallel** (either will do) the chances of failure multiply. `downtime_per_year` turns an availability into expected hours down in a 8,760-hour year."""))
cells.append(code('''# NBVAL_CHECK_OUTPUT
series = availability_series(0.999, 0.999)
parallel = availability_parallel(0.999, 0.999)
for label, a in (("one link", 0.999), ("two in series", series), ("two in parallel", parallel)):
    print(f"{label:16} availability {a:.6f}  down {downtime_per_year(a):7.3f} h a year ({downtime_per_year(a) * 60:8.1f} min)")'''))
cells.append(md("""Chaining makes things worse (about 17.5 hours down, twice one link's 8.76), redundancy makes them far better (about half a minute) *if* the two links really fail independently."""))
cells.append(md("""# Exercise 1 · Internet bandwidth the district needs this year

SETDA's targets count users: students plus staff. `bandwidth_target(fiscal_year, users=...)` says which target applies to a district of your size, and `bandwidth_need(users, fiscal_year)` applies it (per-user Mbps times users, or the minimum for small districts).

Record your district's **internet bandwidth need in Mbps** for `fiscal_year` as `t2-bandwidth-need`."""))
cells.append(code('''users = district_users(wb.district)
target = bandwidth_target(fiscal_year, users=users)
print(f"{users:,} users (students + staff); size class: {target['district_size']}; target {target['target']}: {target['mbps_per_user']} Mbps per user")
print("Source:", target["source"])'''))
cells.append(tagged(code('''answer("t2-bandwidth-need", bandwidth_need(users, fiscal_year))'''), "solution", id="t2-bandwidth-need", kind="exercise"))
cells.append(md("""# Exercise 2 · Demand in the years ahead

Below is a year of your district's daily peak internet use (synthetic, shaped like a school year). The planning peak is the 95th percentile of school-day peaks, `current_peak_mbps`. Grow it at `growth` a year for `projection_years` years with `bandwidth_projection` and record the **projected peak in the last year (Mbps)** as `t2-demand-projected`."""))
cells.append(code('''net = network_utilization(wb.district, seed, fiscal_year)
peak = current_peak_mbps(wb.district, seed, fiscal_year, net=net)
circuit = float(net["circuit_mbps"].iloc[0])
show_figure(utilization_chart(net, "Daily peak internet use, " + fiscal_year),
            f"Scatter plot of daily peak use over the fiscal year, higher on school days, under a {circuit:,.0f} Mbps circuit; the 95th percentile of school-day peaks is {peak:,.0f} Mbps.")
print(f"Planning peak (95th percentile of school days): {peak:,.1f} Mbps on a {circuit:,.0f} Mbps circuit")'''))
cells.append(tagged(code('''projection = bandwidth_projection(peak, growth, projection_years, start_year=fiscal_year)
answer("t2-demand-projected", projection["mbps"].iloc[-1])'''), "solution", id="t2-demand-projected", kind="exercise"))
cells.append(tagged(md("""### Artifact · Bandwidth projection against the targets

Projected demand, today's circuit and the published targets on one chart, with the WAN downtime of Exercises 5 and 6 underneath. It stays in your portfolio. With a running kernel, move the sliders: growth rate, years ahead, and whether the backup link is there."""), "artifact", id="t2-artifact-bandwidth", kind="artifact", title="Bandwidth projection against FCC and SETDA targets"))
cells.append(tagged(code('''paths = wan_paths(wb.district, seed)
targets = {f"SETDA {target['applies_from']} target": bandwidth_need(users, fiscal_year), "FCC long-term goal (1 Gbps per 1,000)": users * 1.0}
network_explorer(peak, growth, projection_years, fiscal_year, targets, circuit, paths.core, paths.primary, paths.backup);'''),
                    "artifact", "hide-input", id="t2-artifact-bandwidth-chart", kind="artifact", title="Bandwidth projection against FCC and SETDA targets"))
cells.append(md("""In which year does projected demand pass today's circuit? The SETDA target? If the answer is "within two years", when would the Form 470 for a new circuit have to be posted?"""))
cells.append(md("""# Exercise 3 · WAN capacity for the largest school

FCC 14-99 set the WAN target at 10 Gbps per 1,000 users for the link to each school. The table describes your district's largest school (synthetic). Record its **WAN need in Mbps** (`wan_need` of its users) as `t2-wan-need`."""))
cells.append(code('''site = largest_site(wb.district, seed)
show_table(site.table(), "Largest school (synthetic)")'''))
cells.append(tagged(code('''answer("t2-wan-need", wan_need(site.users))'''), "solution", id="t2-wan-need", kind="exercise"))
cells.append(md("""# Exercise 4 · Wireless access points for that school

Use the table's assumptions: every classroom and space covered by one access point, and enough capacity for the concurrent devices at the stated clients per access point. `access_points_needed(rooms, devices, clients_per_ap)` returns the larger of coverage and capacity. Record the **number of access points** as `t2-access-points`."""))
cells.append(tagged(code('''answer("t2-access-points", access_points_needed(site.classrooms, site.concurrent_devices, site.clients_per_ap))'''), "solution", id="t2-access-points", kind="exercise"))
cells.append(code('''for ratio in (1.5, 2.0, 2.5, 3.0):
    devices = round(site.students * ratio) + site.staff
    print(f"{ratio} devices per student: {access_points_needed(site.classrooms, devices, site.clients_per_ap):4d} access points "
          f"(coverage alone {site.classrooms}, capacity alone {-(-devices // site.clients_per_ap)})")'''))
cells.append(md("""Which assumption moves the count most? Which would you check first with your wireless designer?"""))
cells.append(md("""# Exercise 5 · Downtime without a backup link

The path from your schools to the internet passes the district's core router and firewall and one primary fiber link; the table gives their availabilities and a candidate backup link from a second carrier (synthetic). Both core and primary are needed: they are in **series**. Record the **expected hours down a year** of that path as `t2-downtime-single`."""))
cells.append(code('''show_table(paths.table(), "WAN path components (synthetic availabilities)")'''))
cells.append(tagged(code('''single = availability_series(paths.core, paths.primary)
answer("t2-downtime-single", downtime_per_year(single))'''), "solution", id="t2-downtime-single", kind="exercise"))
cells.append(md("""# Exercise 6 · Downtime with the backup link

Add the backup link **in parallel** with the primary; the pair is still in series with the core. Record the **expected hours down a year** as `t2-downtime-redundant`. What is left is mostly the core: the single point of failure the backup link does not remove."""))
cells.append(tagged(code('''redundant = availability_series(paths.core, availability_parallel(paths.primary, paths.backup))
answer("t2-downtime-redundant", downtime_per_year(redundant))'''), "solution", id="t2-downtime-redundant", kind="exercise"))
cells.append(code('''single = availability_series(paths.core, paths.primary)
redundant = availability_series(paths.core, availability_parallel(paths.primary, paths.backup))
show_figure(downtime_chart({"primary only": downtime_per_year(single), "primary + backup": downtime_per_year(redundant),
                            "core alone (the floor)": downtime_per_year(paths.core)}, "WAN path: expected hours down a year"),
            f"Bar chart of expected downtime: {downtime_per_year(single):.2f} hours a year with the primary link only, "
            f"{downtime_per_year(redundant):.2f} with the backup link, and {downtime_per_year(paths.core):.2f} from the core alone.")'''))
cells.append(md("""# Exercise 7 · The E-rate Category 2 budget

Your district's five-year Category 2 budget (FY2026-30) is set per student with a floor, before discount; the discount depends on the share of students eligible for the National School Lunch Program and on whether the district is urban or rural (your profile has both). `c2_five_year_budget(students, nslp_pct, locale)` returns the budget and how it splits. Record the **district's share in dollars** as `t2-c2-district-share`."""))
cells.append(code('''d = wb.district
print(f"{d.enrollment.total:,} students, NSLP {d.nslp_pct:.1%}, {d.locale}")'''))
cells.append(tagged(code('''c2 = c2_five_year_budget(d.enrollment.total, d.nslp_pct, d.locale)
answer("t2-c2-district-share", c2["district_share"])'''), "solution", id="t2-c2-district-share", kind="exercise"))
cells.append(code('''c2_five_year_budget(d.enrollment.total, d.nslp_pct, d.locale)  # the whole split'''))
cells.append(md("""Is the district's share enough to replace the access points of Exercise 4 in *every* school? If not, which sites come first, and what happens to the budget when a school's count is driven by capacity rather than coverage?"""))
cells += reflection_cells(sec)
cells += closing_cells(sec)
write_notebook(cells, "T2", "Infrastructure", "technology/T2-infrastructure.ipynb")
