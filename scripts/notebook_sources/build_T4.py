"""Source of T4-it-knowledge.ipynb: run it to rebuild the notebook, then scripts/store_checked_outputs.py."""
from nbsource import closing_cells, code, md, readings, reflection_cells, tagged, write_notebook

sec = readings("T4-it-knowledge")
cells = []
cells.append(md("""# T4 · IT Knowledge

*Technology strand · standards development; technical concepts*

This notebook works on **your parameters**. Run each cell with **Shift+Enter**, from the top. The parameters cell below says which district you are working on and which `seed` varies your exercises; the instructor's roster sets them for you.

Exercises end with `answer("exercise-id", value)`: it records your answer for the instructor and tells you at once whether it **matches** or is **not yet** right (it never shows the expected value). Reflections are yours to write in the cells marked *Reflection*; charts and tables marked *Artifact* go to your portfolio."""))
cells.append(tagged(code('''district: str = "sample-suburban"  # a sample id (sample-rural, sample-suburban, sample-urban) or the path of your district file
candidate: str = "demo"  # your candidate id (the instructor's roster sets it)
seed: int = 2026  # picks your crosswalk question and the sample self-assessment; the roster sets one per candidate
fiscal_year: str = "2026-27"  # California fiscal year, July to June
gap_threshold: int = 2  # a self-rating at or below this counts as a gap (1-5 scale)'''), "parameters"))
cells.append(tagged(code('''from workbook.notebook import answer, show_figure, show_table, start
from workbook.notebook.charts_standards import self_assessment_chart
from workbook.notebook.widgets_services import self_assessment_explorer
from workbook.scenarios.standards import decision_question, sample_responses
from workbook.tools.standards import LIKERT, concepts, crosswalk, decisions, self_assessment

wb = start("T4", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year, gap_threshold=gap_threshold)
wb'''), "hide-input"))
cells.append(md("## Learning outcomes\n\n" + sec["Learning outcomes"]))
cells.append(md("# Readings\n\nAbout thirty minutes of reading, in four parts. Sources are named in the text and listed at the end of the notebook."))
for title in ["How standards are developed", "How a district adopts standards of its own", "Technical concepts a leader should be able to discuss", "Assessing yourself and planning growth"]:
    cells.append(md(f"## {title}\n\n" + sec[title]))
cells.append(md("""# Worked example: what governs internet filtering, and scoring a short self-assessment

A principal asks whether the district may turn off web filtering on the high school's staff network. Before answering, look the decision up in the crosswalk: `crosswalk(decision=...)` matches part of a decision's name, ignoring case, and returns one row per standard or law with what it requires and where it is written.

Then score a short self-assessment of four concepts (an illustrative response set): `self_assessment` groups ratings by area, shows each area's mean, and sorts the weakest area first."""))
cells.append(code('''# NBVAL_CHECK_OUTPUT
for _, row in crosswalk(decision="filtering").iterrows():
    print(f"{row['standard']} ({row['citation']}):")
    print(f"  {row['requirement']}")
print()
example = {"net-wan": 5, "net-wireless": 4, "sec-backup": 2, "sec-identity": 1}
print(self_assessment(example)[["area", "rated", "mean_score", "status"]].head(2).to_string(index=False))'''))
cells.append(md("""CIPA is the answer to the principal: it requires filtering on **all** computers with internet access as a condition of E-rate, so the staff network is not exempt, though the policy may allow an adult's filtering to be disabled for bona fide research or other lawful purposes (check your board policy and your E-rate consultant). In the self-assessment, Security averages 1.5, a gap, and Networking 4.5, a strength.

The whole crosswalk is below: one row per pairing of a district decision and a standard that governs it. Use `crosswalk(standard="FERPA")` to see everywhere one law reaches, or `decisions()` for the list of decisions."""))
cells.append(code('''show_table(crosswalk()[["decision", "standard", "requirement", "citation", "confidence"]].set_index("decision"), "Standards crosswalk")'''))
cells.append(md("""# Exercise 1 · Which standards govern this decision?

Your cabinet is about to make the decision named below (chosen by your `seed`). Query the crosswalk for it and record the **names of the standards and laws that govern it**, each once, sorted alphabetically (a list of text), as `t4-decision-standards`."""))
cells.append(code('''decision = decision_question(seed)
print("Decision:", decision)'''))
cells.append(tagged(code('''rows = crosswalk(decision=decision)
answer("t4-decision-standards", sorted(set(rows["standard"])))'''), "solution", id="t4-decision-standards", kind="exercise"))
cells.append(code('''show_table(crosswalk(decision=decision)[["standard", "requirement", "citation"]].set_index("standard"), f"What governs: {decision}")'''))
cells.append(md("""# Exercise 2 · A number worth knowing

A board member asks how many safeguards the "essential cyber hygiene" baseline of the CIS Critical Security Controls v8 contains. Find it in the crosswalk (the requirement of the `CIS Controls v8 IG1` row) or in the readings, and record it as a whole number as `t4-ig1-safeguards`."""))
cells.append(code('''print(crosswalk(standard="IG1").loc[0, "requirement"])'''))
cells.append(tagged(code('''answer("t4-ig1-safeguards", 56)'''), "solution", id="t4-ig1-safeguards", kind="exercise"))
cells.append(md("""# Exercises 3 to 5 · Scoring a colleague's self-assessment

Before you rate yourself, practise on a colleague's responses: the set below is **synthetic** (made from your `seed`; no real person's ratings), one rating from 1 to 5 for each of the 22 concepts. The scale: """ + "; ".join(f"{k} {v}" for k, v in {1: "new to me", 2: "heard of it", 3: "can explain it", 4: "have done it", 5: "could teach it"}.items()) + """.

3. Record the **mean rating over all rated concepts** (the mean of the concepts' scores, not of the area means) as `t4-self-mean`.
4. Record the **weakest area** (the area with the lowest mean; `self_assessment` sorts it first) as text, as `t4-weakest-area`.
5. Record the **gap list**: the names of the concepts rated at or below `gap_threshold`, sorted alphabetically, as `t4-gap-list`."""))
cells.append(code('''responses = sample_responses(seed)
detail = self_assessment(responses, detail=True, gap=gap_threshold)
show_table(detail.set_index("concept_id"), "A colleague's ratings (synthetic)")'''))
cells.append(tagged(code('''answer("t4-self-mean", round(float(detail["score"].mean()), 2))'''), "solution", id="t4-self-mean", kind="exercise"))
cells.append(tagged(code('''by_area = self_assessment(responses, gap=gap_threshold)
answer("t4-weakest-area", by_area.loc[0, "area"])'''), "solution", id="t4-weakest-area", kind="exercise"))
cells.append(tagged(code('''answer("t4-gap-list", sorted(detail.loc[detail["status"] == "gap", "concept"]))'''), "solution", id="t4-gap-list", kind="exercise"))
cells.append(code('''areas = self_assessment(responses, gap=gap_threshold)
show_figure(self_assessment_chart(areas, "A colleague's self-assessment by area (synthetic)", gap=gap_threshold),
            f"Horizontal bar chart of mean ratings by area; the weakest area is {areas.loc[0, 'area']} at {areas.loc[0, 'mean_score']:.1f} "
            f"and the strongest {areas.iloc[-1]['area']} at {areas.iloc[-1]['mean_score']:.1f}.")'''))
cells.append(md("""Which two of this colleague's gaps would you close first if they worked in your district, and which would you cover with a team member instead?

# Your own self-assessment

Now rate yourself. Change each number in the cell below to your own rating (1 new to me, 2 heard of it, 3 can explain it, 4 have done it, 5 could teach it) and run it, or run it as it is and use the sliders in the artifact below: the chart redraws as you move them. Be honest: this chart is for your professional development plan, not for a grade. Copy your final ratings back into the cell so the chart in your portfolio shows them."""))
cells.append(code('''my_ratings = {
''' + "".join(f'    "{cid}": 3,\n' for cid in ["net-addressing", "net-segmentation", "net-wireless", "net-wan", "net-dns-dhcp", "sec-identity", "sec-encryption", "sec-endpoint", "sec-monitoring", "sec-backup", "sys-virtualization", "sys-cloud", "sys-directory", "sys-device-mgmt", "sys-availability", "data-sis", "data-rostering", "data-reporting", "data-governance", "svc-itsm", "svc-assets", "svc-vendors"]) + '''}
show_table(concepts().set_index("concept_id")[["area", "concept", "description"]], "The 22 concepts")'''))
cells.append(tagged(md("""### Artifact · My technical strengths and gaps

The chart and table below, drawn from your ratings, stay in your portfolio. With a running kernel, the sliders redraw them."""), "artifact", id="t4-artifact-self", kind="artifact", title="Technical concepts self-assessment: strengths and gaps"))
cells.append(tagged(code('''self_assessment_explorer(my_ratings);'''), "artifact", "hide-input", id="t4-artifact-self-chart", kind="artifact", title="Technical concepts self-assessment: strengths and gaps"))
cells += reflection_cells(sec)
cells += closing_cells(sec)
write_notebook(cells, "T4", "IT Knowledge", "technology/T4-it-knowledge.ipynb")
