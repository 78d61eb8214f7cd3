"""Source of T1-security-fundamentals.ipynb: run it to rebuild the notebook, then scripts/store_checked_outputs.py."""
from nbsource import HOW_TO_USE, closing_cells, code, md, readings, reflection_cells, tagged, write_notebook

sec = readings("T1-security-fundamentals")
cells = []
cells.append(md("""# T1 · Security Fundamentals

*Technology strand · information security; information security assessment; business continuity; risk assessment; budgeting for security*

""" + HOW_TO_USE))
cells.append(tagged(code('''district: str = "sample-suburban"  # a sample id (sample-rural, sample-suburban, sample-urban) or the path of your district file
candidate: str = "demo"  # your candidate id (the instructor's roster sets it)
seed: int = 2026  # varies the synthetic register, quotes and recovery objectives; the roster sets one per candidate
fiscal_year: str = "2026-27"  # California fiscal year, July to June
control_effectiveness: float = 0.6  # share by which a control cuts the likelihood of the top risk: 0.6 is 60%'''), "parameters"))
cells.append(tagged(code('''from workbook.notebook import answer, show_figure, show_table, start
from workbook.notebook.charts_security import bia_chart, risk_heat_map
from workbook.notebook.widgets_technology import security_budget_explorer
from workbook.scenarios.security import HIGH_LEVELS, bia_processes, district_register, ransomware_scenario, security_budget_cap, security_controls
from workbook.tools.continuity import bia
from workbook.tools.risk import ale, heat_map_counts, residual_ale, residual_risk, risk_level, risk_matrix, safeguard_value, sle
from workbook.tools.security_budget import security_budget

wb = start("T1", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year,
           control_effectiveness=control_effectiveness)
wb'''), "hide-input"))
cells.append(md("## Learning outcomes\n\n" + sec["Learning outcomes"]))
cells.append(md("# Readings\n\nAbout thirty-five minutes of reading, in five parts. Sources are named in the text and listed at the end of the notebook."))
for title in ["Information security", "Information security assessment", "Risk assessment", "Business continuity", "Budgeting for security"]:
    cells.append(md(f"## {title}\n\n" + sec[title]))
cells.append(md("""# Worked example: the risk matrix and a textbook ALE

NIST SP 800-30 Table I-2 combines a likelihood level and an impact level into a level of risk. `risk_matrix()` prints the whole table; `risk_level(likelihood, impact)` looks up one cell and also accepts 0-100 numbers (85 is High, 30 is Moderate).

Then the quantitative side: a server worth 100,000 dollars, of which a quarter is lost in each event (exposure factor 0.25), hit three times a year. A safeguard costing 20,000 dollars a year prevents 80% of the events."""))
cells.append(code('''show_table(risk_matrix(), "NIST SP 800-30 Table I-2: level of risk (rows: likelihood, columns: impact)")'''))
cells.append(code('''# NBVAL_CHECK_OUTPUT
print("Very High likelihood, Moderate impact:", risk_level("Very High", "Moderate"))
print("Moderate likelihood, Very High impact:", risk_level("Moderate", "Very High"))
print("likelihood 85, impact 30 (0-100 scale):", risk_level(85, 30))
before = ale(100_000, 0.25, 3)
after = residual_ale(100_000, 0.25, 3, 0.8)
print(f"SLE {sle(100_000, 0.25):,.0f}  ALE before {before:,.0f}  ALE after {after:,.0f}  safeguard value {safeguard_value(before, after, 20_000):,.0f} dollars a year")'''))
cells.append(md("""The safeguard removes 60,000 dollars of expected loss a year for 20,000 dollars: its value is 40,000 dollars a year. Note the asymmetry of Table I-2: a likely event of moderate harm is a *Moderate* risk, an event of moderate likelihood and very high harm is a *High* one."""))
cells.append(md("""# Exercise 1 · Your district's risk register

Below is your district's starting register: twelve common K-12 threats with likelihood and impact on the NIST scales, owners, control status and loss estimates (synthetic, varied by your seed; replace them with your own when you work on your district's real register). `district_register` validates it with `risk_register` and ranks it: highest level first, then by score.

Record the **number of risks rated High or Very High** as `t1-high-risks` (an integer)."""))
cells.append(code('''register = district_register(wb.district, seed)
show_table(register.set_index("id")[["threat", "likelihood", "impact", "level", "score", "owner", "control_status", "rank"]], "Risk register, ranked (synthetic)")'''))
cells.append(tagged(code('''answer("t1-high-risks", int(register["level"].isin(HIGH_LEVELS).sum()))'''), "solution", id="t1-high-risks", kind="exercise"))
cells.append(md("""# Exercise 2 · The top risk

Record the **id of the rank-1 risk** (for example `"R04"`) as `t1-top-risk`. Is it the one your board would have guessed?"""))
cells.append(tagged(code('''answer("t1-top-risk", register.loc[0, "id"])'''), "solution", id="t1-top-risk", kind="exercise"))
cells.append(tagged(md("""### Artifact · Risk heat map

The 5x5 heat map below places each risk of your register by likelihood and impact; each cell is shaded by its Table I-2 level and shows how many risks sit there. It stays in your portfolio."""), "artifact", id="t1-artifact-heat-map", kind="artifact", title="Risk heat map (NIST SP 800-30)"))
cells.append(tagged(code('''grid = heat_map_counts(register)
top_cells = ", ".join(f"{n} at {r} likelihood and {c} impact" for (r, c), n in grid.stack().items() if n)
show_figure(risk_heat_map(grid, f"Risk heat map: {wb.district.name}"),
            f"Five by five heat map of the district's {len(register)} risks, likelihood up the side and impact along the bottom, cells shaded by NIST level; {top_cells}.")'''),
                    "artifact", "hide-input", id="t1-artifact-heat-map-chart", kind="artifact", title="Risk heat map (NIST SP 800-30)"))
cells.append(md("""# Exercise 3 · The ransomware risk in dollars

Risk R01 is ransomware encrypting the student information system and file servers. The table gives its asset value, exposure factor and annualized rate of occurrence from your register, and a safeguard: immutable offline backups with tested restores plus endpoint detection, which prevents a share of the events for an annual cost (synthetic).

Record the **annualized loss expectancy** of R01 as `t1-ransomware-ale`."""))
cells.append(code('''s = ransomware_scenario(wb.district, seed)
show_table(s.table(), "Ransomware scenario (synthetic)")'''))
cells.append(tagged(code('''ale_before = ale(s.asset_value, s.exposure_factor, s.aro)
answer("t1-ransomware-ale", ale_before)'''), "solution", id="t1-ransomware-ale", kind="exercise"))
cells.append(md("""# Exercise 4 · Is the safeguard worth it?

The safeguard cuts the ARO by its effectiveness. Compute the ALE after it with `residual_ale`, then the safeguard's **yearly value** (ALE before − ALE after − annual cost) with `safeguard_value`, and record it as `t1-safeguard-value`. A negative value is a legitimate answer: it means the safeguard costs more than the loss it prevents *on these estimates*."""))
cells.append(tagged(code('''ale_after = residual_ale(s.asset_value, s.exposure_factor, s.aro, s.effectiveness)
answer("t1-safeguard-value", safeguard_value(ale_before, ale_after, s.annual_cost))'''), "solution", id="t1-safeguard-value", kind="exercise"))
cells.append(md("""# Exercise 5 · Residual risk of the top risk

A control cuts the likelihood of your rank-1 risk by `control_effectiveness` (a parameter: 0.6 by default). `residual_risk(likelihood, impact, control_effectiveness)` moves the likelihood down the 0-100 scale and looks the new pair up in Table I-2. Record the **residual level** (a level name such as `"Moderate"`) as `t1-residual-level`."""))
cells.append(tagged(code('''top = register.iloc[0]
residual = residual_risk(top["likelihood"], top["impact"], control_effectiveness)
answer("t1-residual-level", residual["residual_level"])'''), "solution", id="t1-residual-level", kind="exercise"))
cells.append(code('''residual_risk(register.loc[0, "likelihood"], register.loc[0, "impact"], control_effectiveness)  # the whole result: inherent and residual'''))
cells.append(md("""# Exercise 6 · A security budget under a cap

Your cabinet offers an annual security budget (the cap below). The table lists candidate controls with their annual cost and the annualized loss each removes from your register (synthetic estimates). `security_budget(controls, cap)` ranks them by loss reduced per dollar (the greedy order) and finds the best set that fits under the cap.

Record the **annualized loss reduced by the best set** (`.attrs["chosen_reduction"]`) as `t1-budget-reduction`. Compare it with the greedy total (`.attrs["greedy_reduction"]`): are they the same for your district?"""))
cells.append(code('''controls = security_controls(wb.district, seed)
cap = security_budget_cap(wb.district, seed)
print(f"Budget cap: {cap:,.0f} dollars a year")
show_table(controls.set_index("control"), "Candidate controls (synthetic)", money=("cost", "ale_reduction"))'''))
cells.append(tagged(code('''choice = security_budget(controls, cap)
answer("t1-budget-reduction", choice.attrs["chosen_reduction"])'''), "solution", id="t1-budget-reduction", kind="exercise"))
cells.append(tagged(md("""### Artifact · Security budget under the cap

The chart and table below stay in your portfolio. With a running kernel, move the sliders: the cap, and how well the controls work compared with the estimates (what if the vendor is optimistic?)."""), "artifact", id="t1-artifact-budget", kind="artifact", title="Security budget ranked by loss reduced per dollar"))
cells.append(tagged(code('''security_budget_explorer(controls, cap);'''), "artifact", "hide-input", id="t1-artifact-budget-chart", kind="artifact", title="Security budget ranked by loss reduced per dollar"))
cells.append(md("""# Exercise 7 · Business impact analysis

The table lists critical processes with their maximum tolerable downtime (MTD), recovery time objective (RTO), work recovery time (WRT), recovery point objective (RPO) and how often their data is backed up, all in hours (synthetic). `bia(processes)` checks RTO + WRT ≤ MTD and backup interval ≤ RPO for each and writes a finding.

Record the **list of process names that fail either check**, in the table's order, as `t1-bia-failing`."""))
cells.append(code('''processes = bia_processes(wb.district, seed)
show_table(processes.set_index("process"), "Recovery objectives (hours, synthetic)")'''))
cells.append(tagged(code('''checked = bia(processes)
answer("t1-bia-failing", checked.loc[~checked["ok"], "process"].tolist())'''), "solution", id="t1-bia-failing", kind="exercise"))
cells.append(code('''checked = bia(processes)
show_figure(bia_chart(checked), f"Bar chart of RTO plus work recovery time for each process against its MTD; {int((~checked['meets_mtd']).sum())} of {len(checked)} processes recover too slowly and {int((~checked['meets_rpo']).sum())} are backed up less often than their RPO allows.")
for finding in checked.loc[~checked["ok"], "finding"]:
    print("-", finding)'''))
cells.append(md("""For each failing process, which is cheaper to change: the recovery (faster restores, a standby system), the work recovery (better procedures), the backups (more often, or continuous replication), or the objective itself (is the MTD really that short)? Who in the district has the authority to decide?"""))
cells += reflection_cells(sec)
cells += closing_cells(sec)
write_notebook(cells, "T1", "Security Fundamentals", "technology/T1-security-fundamentals.ipynb")
