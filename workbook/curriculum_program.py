"""The CETPA CTO Mentor program's sixteen principles, as plain data.

Topics and tools are copied word for word from the program's curriculum
(curriculum.md); tests/test_curriculum_*.py checks them against it. Each row is
``(id, title, topics, tools, outcomes)``: topics and tools as ';'-separated
lists, outcomes as "Candidates can ..." sentences. :mod:`workbook.curriculum`
turns the rows into :class:`~workbook.curriculum.Principle` objects.

>>> len(PROGRAM), PROGRAM[0][:2]
(16, ('T1', 'Security Fundamentals'))
"""

from __future__ import annotations

__all__ = ["PROGRAM"]

Row = tuple[str, str, str, str, tuple[str, ...]]


def _p(id: str, title: str, topics: str, tools: str, *outcomes: str) -> Row:
    return (id, title, topics, tools, tuple(outcomes))


PROGRAM: tuple[Row, ...] = (
    # ---- Technology strand ------------------------------------------------
    _p(
        "T1", "Security Fundamentals",
        "information security; information security assessment; business continuity; "
        "risk assessment; budgeting for security",
        "risk register and 5x5 likelihood/impact matrix (NIST SP 800-30 scales); "
        "annualized loss expectancy; business impact analysis (RTO/RPO); "
        "a security budget ranked by risk reduced per dollar",
        "Candidates can explain the confidentiality, integrity and availability goals of information security and map their district's safeguards to the six functions of the NIST Cybersecurity Framework 2.0.",
        "Candidates can carry out an information security assessment of their district against a published baseline (CIS Controls Implementation Group 1 or the K12 SIX essential protections) and list the gaps it finds.",
        "Candidates can complete a risk assessment that rates threats on the NIST SP 800-30 likelihood and impact scales, places them in a 5x5 risk matrix and computes annualized loss expectancy.",
        "Candidates can complete a business impact analysis that sets recovery time and recovery point objectives for critical systems as the basis of a business continuity plan.",
        "Candidates can build a security budget that ranks safeguards by risk reduced per dollar, and defend the budgeting for security it implies to a cabinet.",
    ),
    _p(
        "T2", "Infrastructure",
        "data delivery and distribution; systems",
        "bandwidth need per student against published targets; wireless access point count; "
        "uptime/redundancy (availability of serial and parallel links)",
        "Candidates can calculate the internet and wide-area bandwidth their district needs per student for data delivery and compare it with the FCC and SETDA targets.",
        "Candidates can estimate the wireless access points a school needs for data distribution inside its buildings from classrooms, devices per student and clients per access point, stating each assumption.",
        "Candidates can compute the availability of systems built from serial and parallel (redundant) links and identify the single points of failure in their district's network.",
        "Candidates can describe the district's core systems (network, identity, storage, hosted services) and how each depends on the others.",
    ),
    _p(
        "T3", "Technology Services",
        "hardware and software currency; planning for internal services; desktop support",
        "device fleet age and refresh schedule; software currency (end-of-support dates); "
        "help desk ticket analysis (volume, time to resolve, SLA attainment, staffing ratio)",
        "Candidates can analyse a device fleet's age and produce a refresh schedule that keeps hardware currency within a stated lifecycle.",
        "Candidates can track software currency by listing end-of-support dates and flag the systems that fall out of support within the plan period.",
        "Candidates can do the planning for internal services: the catalogue of services the department offers, their service levels and the staff each needs.",
        "Candidates can analyse desktop support tickets for volume, time to resolve, service-level attainment and the ratio of devices to support staff.",
    ),
    _p(
        "T4", "IT Knowledge",
        "standards development; technical concepts",
        "standards crosswalk (which standard governs which decision); "
        "a technical-concepts self-assessment",
        "Candidates can describe how standards development works (who writes technology standards, such as IEEE, IETF, NIST and ISTE) and how a district adopts standards of its own.",
        "Candidates can build a standards crosswalk that shows which standard governs which technology decision in their district.",
        "Candidates can rate their own grasp of core technical concepts with a self-assessment and plan how to close the gaps it shows.",
        "Candidates can explain a technical concept, such as network segmentation or single sign-on, in plain words to a non-technical audience.",
    ),
    # ---- Education strand -------------------------------------------------
    _p(
        "E1", "Student Centered Aspects",
        "privacy and confidentiality; student data; integrating with other departments; "
        "local, community, state and federal requirements",
        "student data inventory (which system holds which data element, who may see it, "
        "under which law); vendor data privacy agreement tracker",
        "Candidates can explain the privacy and confidentiality duties that FERPA, COPPA, PPRA, CIPA, SOPIPA and California Education Code 49073.1 place on a district.",
        "Candidates can build a student data inventory that shows which system holds each data element, who may see it and under which law.",
        "Candidates can track vendor data privacy agreements and identify the contracts that lack the terms California law requires.",
        "Candidates can describe how student data work is integrated with other departments (student services, special education, assessment, nutrition) and who owns each data flow.",
        "Candidates can list the local, community, state and federal requirements that bear on a student data decision and show how each is met.",
    ),
    _p(
        "E2", "Staff Centered Aspects",
        "supporting Human Resources; classified and certificated staff; the union environment; "
        "STRS/PERS; credentials",
        "staffing cost with statutory benefits (STRS/PERS rates by year); "
        "classified vs certificated position comparison",
        "Candidates can describe how the technology department supports Human Resources systems and processes, from position control to account provisioning for new and departing staff.",
        "Candidates can compare classified and certificated staff positions: pay schedules, credentials, retirement system and the rules (including a merit system's personnel commission) that govern each.",
        "Candidates can calculate the full cost of a position with statutory benefits at the STRS (CalSTRS) or PERS (CalPERS) employer rate for each fiscal year.",
        "Candidates can explain how the union environment, through collective bargaining agreements and the consultation they require, shapes changes to technology staff duties.",
    ),
    _p(
        "E3", "Educational Technology",
        "the tools and resources available to teachers; strategies for better learning",
        "instructional tool inventory and usage analysis; adoption curve",
        "Candidates can build an inventory of the tools and resources available to teachers and analyse how much each is used.",
        "Candidates can place a tool on an adoption curve and identify the stage its adoption has reached.",
        "Candidates can describe strategies for better learning with technology, name the evidence behind each, and match tools to them.",
        "Candidates can recommend which tools to keep, expand or retire from usage, cost and instructional goals.",
    ),
    _p(
        "E4", "Assessment and Accountability",
        "state assessments; defining accountability; local systems",
        "state assessment results: distance from standard, status/change color grid; "
        "local assessment data joins",
        "Candidates can describe California's state assessments (CAASPP Smarter Balanced and ELPAC) and the data systems that carry their results.",
        "Candidates can compute distance from standard and place status and change on the California School Dashboard's five-by-five color grid.",
        "Candidates can define accountability as California applies it (LCAP, Dashboard indicators) and the technology department's part in it.",
        "Candidates can join results from local systems to state assessment results by student identifier while protecting student privacy.",
    ),
    _p(
        "E5", "Finance Centered Aspects",
        "sources of funding; mandated items and categorical funds; purchasing; "
        "bidding and vendor relations; facilities funding; attendance; planning",
        "revenue by source (LCFF, categorical, E-rate); ADA and its effect on revenue; "
        "bid threshold decisions; E-rate discount",
        "Candidates can break district revenue down by sources of funding (LCFF, federal and state categorical funds, E-rate, local) and say which mandated items and categorical funds carry spending restrictions.",
        "Candidates can calculate average daily attendance and show how a change in attendance changes LCFF revenue.",
        "Candidates can apply California's purchasing rules (the Public Contract Code bid threshold, piggyback contracts, CMAS) to decide when formal bidding is required, and keep vendor relations fair and documented.",
        "Candidates can compute an E-rate discount and Category Two budget, and name the facilities funding (local bonds, state school facilities programs) available for technology infrastructure.",
        "Candidates can place these funding sources on a planning calendar that aligns purchases with the budget, E-rate and LCAP cycles.",
    ),
    # ---- Leadership strand ------------------------------------------------
    _p(
        "L1", "Professional Development and Training",
        "aligning training to state and district standards; a scope and sequence for training; "
        "research and development for training models; personal professional development",
        "training scope and sequence; training needs from a skills survey; "
        "cost per trained staff",
        "Candidates can align a training program to state and district standards, such as the ISTE Standards and the district's technology plan.",
        "Candidates can design a scope and sequence for training from the needs a skills survey of staff reveals.",
        "Candidates can compare training models (workshops, coaching, online courses, train-the-trainer) using published research and the cost per trained staff member, and plan the research and development of a pilot.",
        "Candidates can write a personal professional development plan with goals, activities and evidence of growth.",
    ),
    _p(
        "L2", "Vision and Technology Planning",
        "developing a vision for technology; assessing technology needs; involving stakeholders; "
        "developing a technology plan; assisting sites with technology plans; "
        "investigating future technology trends; designing sustainability models",
        "needs assessment scoring; technology plan goal tracker; "
        "sustainability (total cost over the plan's life)",
        "Candidates can develop a vision for technology that ties to the district's mission and the ISTE Standards for Education Leaders, and state it on one page.",
        "Candidates can assess technology needs by scoring a needs assessment, involving stakeholders (staff, students, families, the board) in setting priorities.",
        "Candidates can develop a technology plan with SMART goals, track progress on each goal, and assist sites with their own site technology plans.",
        "Candidates can investigate future technology trends, using the Gartner Hype Cycle as a lens, and judge which belong in the plan.",
        "Candidates can design sustainability models that show the total cost of each plan goal over the plan's life and how it will be funded.",
    ),
    _p(
        "L3", "Communications and Public Relations",
        "advising on the use of technology; developing vendor projects; collaborating on joint "
        "projects; communications with the public and with the school board; site visits; "
        "customer service; initiating partnerships",
        "stakeholder map; board presentation artifact (slides)",
        "Candidates can advise the superintendent and cabinet on the use of technology in a written recommendation that weighs options, costs and risks.",
        "Candidates can develop vendor projects and collaborate on joint projects with other agencies, using a stakeholder map to assign each party a role.",
        "Candidates can prepare communications with the public and with the school board, including a board presentation that meets Brown Act notice times.",
        "Candidates can plan site visits and set customer service standards that are measured and reported.",
        "Candidates can initiate partnerships with businesses, higher education or community organizations and state what each party gives and gets.",
    ),
    _p(
        "L4", "Personnel Management",
        "recruitment; interviewing and selection; orientation; team building; "
        "staff communications; performance and evaluation; motivation; managing conflict",
        "interview scoring matrix; team staffing model",
        "Candidates can plan the recruitment for a technology position and run interviewing and selection with a weighted interview scoring matrix.",
        "Candidates can design an orientation for new staff and a team building plan based on a team staffing model.",
        "Candidates can set up staff communications (meetings, updates, feedback channels) that reach every member of a team spread over many sites.",
        "Candidates can carry out performance evaluation within the district's evaluation process and choose motivation strategies suited to each staff member.",
        "Candidates can apply a method for managing conflict within a team and document its outcome.",
    ),
    _p(
        "L5", "Organizational Management",
        "mission and goals; departmental organization; systems and solutions; managing change",
        "org chart data; change readiness assessment",
        "Candidates can write a mission and goals for the technology department that align with the district's LCAP.",
        "Candidates can analyse departmental organization from org chart data (spans of control, reporting lines, single points of knowledge) and propose improvements.",
        "Candidates can choose systems and solutions by comparing options against the department's goals, standards and support capacity.",
        "Candidates can assess change readiness and plan for managing change with a model such as Kotter's eight steps.",
    ),
    _p(
        "L6", "Fiscal Management",
        "building a budget; decision tools (TCO/ROI)",
        "budget worksheet (multi-year, funding sources, restricted vs unrestricted); "
        "TCO and ROI/NPV/IRR/payback calculators with sensitivity",
        "Candidates can build a multi-year technology budget that names each funding source, separates restricted from unrestricted funds and codes each line with SACS resource and object codes.",
        "Candidates can identify ongoing costs that rest on one-time or ending grants (the fiscal cliff) or on rising statutory benefit costs, and show their effect on later budget years.",
        "Candidates can calculate the total cost of ownership of a technology initiative per device-year, including indirect and often-forgotten costs, and compare refresh cycles.",
        "Candidates can use the decision tools ROI, net present value, internal rate of return and payback, and show how a decision changes at discount rates of 2, 3, 5 and 7 percent.",
        "Candidates can apply CoSN's Value of Investment method to present the costs, savings, measurable qualitative benefits and risks of competing projects to a school board.",
    ),
    _p(
        "L7", "Project Management",
        "defining project management; project management tools; projects and strategic planning",
        "work breakdown, critical path, Gantt chart; earned value (CPI/SPI)",
        "Candidates can define project management, its life cycle and roles (RACI), and say when an initiative should be run as a project.",
        "Candidates can build a work breakdown structure, find the critical path and draw a Gantt chart with project management tools.",
        "Candidates can track a project with earned value (CPI and SPI) and forecast its cost at completion.",
        "Candidates can connect projects to strategic planning by ranking a set of projects against the district's strategic goals.",
    ),
)
