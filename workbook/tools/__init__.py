"""Pure calculators: plain Python, numpy and pandas, no Jupyter.

One module per concern; nothing here imports Jupyter, and nothing is imported
by this package itself (``import workbook.tools.finance`` loads only that).

=======================  ==============================================================
``finance``              money over time: NPV, IRR, payback, ROI, equivalent annual cost
``fiscal_year``          California fiscal years (``"2026-27"``: July to June)
``tco``                  total cost of ownership in CoSN's K-12 categories
``tco_devices``          a device program (1:1) as TCO cost items, by refresh cycle
``tco_uncertainty``      sensitivity (tornado) tables and Monte Carlo runs
``budget_lines``         one revenue or expenditure line with SACS codes and escalator
``benefits``             employee benefits on a salary line: pension and statutory
``budget``               the multi-year budget worksheet, E-rate and variance
``erate``                E-rate discounts, Category Two budgets, the district's net cost
``title_iv``             Title IV, Part A: the spending rules of one year's allocation
``funding``              LCFF from ADA and UPP, ADA from attendance, declining-enrollment protection
``purchasing``           which purchasing route the Public Contract Code allows (bid threshold by year)
``interim``              multiyear projection, reserve for economic uncertainties, interim certification
``reference``            reference tables: pension rates, COLA, LCFF, E-rate, SACS codes
``infrastructure``       bandwidth targets, access points, availability, C2 budget
``risk``                 NIST SP 800-30 scales, the risk matrix and register, ALE
``security_budget``      which security controls cut the most loss for the money
``security_assessment``  a security assessment against CIS Controls v8 IG1
``assessment``           CAASPP scale scores, achievement levels, distance from standard by group
``dashboard``            the Dashboard's status and change levels, five-by-five colours, DA model
``incident``             after a cyber incident: the state report and breach notices
``continuity``           business impact analysis: recovery time and data-loss targets
``services``             device fleet age, level-loaded refresh, software currency
``helpdesk``             help desk volume, backlog, time to resolve, SLA, staffing, satisfaction
``business_hours``       business hours between two times (help desk service levels)
``people``               interview scoring, rater agreement (Krippendorff's alpha), staffing workload
``stakeholders``         stakeholder map, communication plan gaps, Brown Act notice dates
``standards``            a standards crosswalk and a technical-concepts self-assessment
``training``             training needs (gap x headcount), cost per trained staff, funding
``training_sequence``    a training scope and sequence: prerequisites (networkx), capacity
``planning``             needs assessment, SMART goals tracked, plan cost over its life, site plans
``trends``               a trends radar: Hype Cycle phase, ring, evidence that would move it
``adoption``             instructional tools: cost per active user, overlap, renewal
``diffusion``            adoption curves: Rogers' categories, Bass and logistic fits
``privacy``              student data: inventory, vendor agreements, data flows between systems
``disclosure``           what may leave: directory information, small-count suppression, survey consent
``staffing``             salary schedules, a position's full cost by year, credentials, accounts, bargaining
``projects``             activity networks: critical path (CPM), the WBS, ranking projects by goals
``schedule_risk``        a schedule on the working-day calendar; Monte Carlo of finishing by a date
``earned_value``         earned value: PV, EV, AC, CPI, SPI, EAC, ETC, VAC, TCPI by status report
``organization``         org chart (span, layers, vacancies), RACI check, Kotter readiness, build/buy/share
``goals``                mission and goals: which LCAP goals the department's goals serve, and the gaps
``_validate``            the input checks every calculator shares
=======================  ==============================================================

Layers: ``tco`` < ``tco_devices`` < ``tco_uncertainty``; ``budget_lines`` <
``budget`` < ``interim`` < ``funding`` (which re-exports ``purchasing`` and
``interim``); ``diffusion`` < ``adoption``; ``projects`` < ``earned_value``, and
``projects`` and ``tco_uncertainty`` < ``schedule_risk``; ``finance`` and
``projects`` < ``organization``; ``security_assessment`` < ``assessment`` <
``dashboard``. A new module gets a line here (``tests/test_package_structure.py``
checks). Every function validates its input and raises
:class:`workbook.errors.InputError` naming the argument, the value and what
is allowed.
"""
