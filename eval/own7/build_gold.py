"""Regenerate docs.jsonl and gold.jsonl for the seventh own held-out set (heldout-own7).

Each event is (type, date, evidence[, O]); O marks a judgement call ("optional": true).
Evidence is a verbatim span of the document, unique in it and within one line.
Run: python3 build_gold.py && python3 /work/main/eval/check_gold.py .
"""
import json
D={"v01_casenote_arbitrazh_terminal_dispute.txt":"2027-02-11",
   "v02_consulate_notice_holiday_crossings.txt":"2026-12-18",
   "v03_university_call_for_papers_tumen_forum.txt":"2027-03-04",
   "v04_annualreport_dandong_port_2026.txt":"2027-03-26",
   "v05_book_review_amur_crossing.txt":"2026-11-02",
   "v06_photo_essay_rason.txt":"2027-01-20"}
O=True
G={
# DCT Thursday 2027-02-11 (2027-W06; the alert's date line). "On Tuesday", "announced on Tuesday" = 2027-02-09;
# "on Wednesday" = 2027-02-10; "on 30 January" (past) = 2027-01-30; "Thursday, 25 February" (future) = 2027-02-25
# (a Thursday); "the 20th of that month" (after "27 October 2023") = 2023-10-20; "in late April 2025" = 2025-04;
# "in the second quarter of 2027" = 2027-Q2; "in the spring of 2025" (a stoppage, no type); "between November 2025
# and the judgment" (a range, no value)
"v01_casenote_arbitrazh_terminal_dispute.txt":[
("announcement","2027-02-09","the operative part of the resolution was announced on Tuesday"),
("approval","2027-02-09","On Tuesday the Fifth Arbitration Court of Appeal in Vladivostok dismissed the appeal",O),
("agreement","2023-03-14","The parties concluded a five-year cargo handling contract on 14 March 2023"),
("deadline","2023-09-01","\"no later than 1 September 2023\""),
("launch","2023-10-27","The berth was in fact commissioned on 27 October 2023"),
("approval","2023-10-20","Rosmorrechflot had issued the operating permit on the 20th of that month",O),
("agreement","2024-07-09","A supplementary agreement struck in Harbin on 9 July 2024"),
("visit","2025-04","A Longjiang delegation travelled to Nakhodka in late April 2025"),
("meeting","2025-04","to inspect the berth and hold talks with VPK's management"),
("meeting","2025-06-05","the two companies met again for mediation in Harbin on 5 June 2025"),
("announcement","2025-08-18","Longjiang filed its claim with the Arbitration Court of Primorsky Krai on 18 August 2025",O),
("approval","2026-09-26","the judgment, delivered on 26 September 2026",O),
("approval","2025-08-25","Government Resolution No. 1187 of 25 August 2025"),
("announcement","2026-10-24","VPK appealed on 24 October 2026",O),
("meeting","2027-02-02","The appeal was heard on 2 February 2027",O),
("deadline","2027-03-15","no later than 15 March 2027"),
("announcement","2027-02-10","Its general director told Interfax on Wednesday",O),
("announcement","2027-01-30","published its draft amendments to the port priority regime on 30 January"),
("announcement","2026-12-09","said on 9 December 2026 that it had opened a separate inquiry"),
("launch","2026-12-09","said on 9 December 2026 that it had opened a separate inquiry",O),
("announcement","2027-Q2","We expect its findings in the second quarter of 2027",O),
("meeting","2027-02-25","will host a breakfast briefing on handling contracts"),
],
# DCT Friday 2026-12-18 (2026-W51; "Issued: 18 December 2026"). "on 3 December", "dated 10 December", "on 1 December",
# "on 18 November", "no later than 25 December" = 2026 dates; "on Monday" = 2026-12-14; "On Tuesday" = 2026-12-15;
# "Last week" = 2026-W50; "on the 8th" + "the next day" = 2026-12-09; "on 4 January", "on 19 February", "by the end of
# January", "from 1 March 2027" (future) = 2027; "in September this year" = 2026-09
"v02_consulate_notice_holiday_crossings.txt":[
("approval","2026-12-18","Issued: 18 December 2026",O),
("meeting","2026-12-03","At a meeting in Blagoveshchensk on 3 December"),
("agreement","2026-12-03","the Chinese and Russian port administrations agreed the holiday working hours for this winter",O),
("approval","2026-12-10","the schedule was approved by an order of Rosgranstroy dated 10 December"),
("approval","2026-12-14","the Heilongjiang Provincial Port Office issued the matching notice on Monday"),
("launch","2027-01-04","Passenger traffic will resume on 4 January"),
("launch","2027-02-19","Both checkpoints will reopen on 19 February"),
("launch","2026-12-01","was launched on 1 December on a trial basis"),
("agreement","2000","signed by the two governments in 2000"),
("launch","2025-09-15","launched on 15 September 2025"),
("approval","2026-09","extended in September this year",O),
("deadline","2026-12-25","no later than 25 December"),
("approval","2026-11-18","approved list published by the Russian government on 18 November"),
("announcement","2026-11-18","approved list published by the Russian government on 18 November",O),
("visit","2026-12-15","On Tuesday, Consul General Zhang Wenbo travelled to the Pogranichny checkpoint"),
("meeting","2026-12-15","held talks with the head of the Primorsky border department"),
("deadline","2027-01","add four passport booths by the end of January"),
("announcement","2026-12-15","The Russian side said it would add four passport booths",O),
("announcement","2026-W50","Last week the Russian Federal Customs Service announced"),
("launch","2027-03-01","from 1 March 2027, travellers crossing the land border",O),
],
# DCT Thursday 2027-03-04 (2027-W09; "Posted 4 March 2027"). "on Tuesday" = 2027-03-02; "on 22 January", "on 1 March"
# = 2027; "last month" = 2027-02; "June last year" = 2026-06; "in mid-May", "on 20 September", "by 1 September",
# "On 16 October" (future) = 2027; "14-16 October 2027" takes its first day; "in 2028" (future publication)
"v03_university_call_for_papers_tumen_forum.txt":[
("meeting","2027-10-14","Changchun and Hunchun, 14–16 October 2027"),
("launch","2016","The forum was founded in 2016"),
("agreement","2018","when the School signed a memorandum of cooperation with Far Eastern Federal University"),
("meeting","2025-09","The ninth forum was held in Vladivostok in September 2025"),
("announcement","2026-06","its proceedings were published by the School in June last year",O),
("approval","2027-01-22","the National Office for Philosophy and Social Sciences approved on 22 January"),
("meeting","2027-03-02","At a preparatory meeting on Tuesday"),
("approval","2012","the 2012 plan that created it"),
("deadline","2027-04-15","must be submitted by 15 April 2027"),
("announcement","2027-05","Authors will be notified of acceptance in mid-May",O),
("deadline","2027-08-31","Full papers are due no later than 31 August 2027"),
("deadline","2027-09-20","Registration closes on 20 September"),
("announcement","2027-03-01","The Secretariat announced on 1 March",O),
("visit","2027-10-16","On 16 October the participants will travel to Hunchun"),
("meeting","2027-10-16","meet officials of the Hunchun municipal government"),
("launch","2027-Q3","which the municipal government said would open in the third quarter of 2027"),
("deadline","2027-09-01","the Secretariat needs a scan of the passport by 1 September"),
("deadline","2027-08-31","the application deadline is the same as for full papers",O),
("announcement","2028","Selected papers will be published in a special issue",O),
("visit","2027-02","A delegation of the journal's editorial board visited FEFU last month"),
],
# DCT Friday 2027-03-26 (the signature line "Dandong, the PRC, 26 March 2027"); the Reporting Period is 2026, so "In
# April", "On 12 August", "in the second quarter", "on 18 November", "in mid-May", "the same day" = 2026; "from 13 to
# 16 October" = 2026-10-13; "Friday, 28 May 2027" and "Monday, 24 May 2027" agree with their weekdays; "the third
# quarter" (future, company) = 2027-Q3; "the first half of 2027" = 2027-H1; "by the end of 2028/2029" = 2028/2029
"v04_annualreport_dandong_port_2026.txt":[
("approval","2026-04","In April the Liaoning Provincial People's Government approved the Plan"),
("approval","2026-08-12","the State Council gave its approval for the opening of Berths 21 to 24"),
("announcement","2022","a step we had applied for in 2022",O),
("launch","2026-Q2","was put into commercial operation in the second quarter"),
("agreement","2026-11-18","on 18 November we concluded a ten-year cooperation agreement with FESCO"),
("visit","2026-05","toured the new terminal in mid-May"),
("meeting","2026-05","chaired an on-site meeting on port-hinterland logistics the same day"),
("announcement","2026-01-08","the Company published a positive profit alert",O),
("approval","2026-03-26","the Board approved the annual results for 2025",O),
("meeting","2026-05-29","the annual general meeting was held in Dandong"),
("approval","2026-05-29","all resolutions were passed",O),
("agreement","2026-09-09","signed a memorandum on relocating the Langtou wharf"),
("deadline","2029","relocation is to be completed by the end of 2029"),
("meeting","2026-10-13","held in Dandong from 13 to 16 October"),
("launch","2027-02-05","the first FESCO container service under the new agreement departed from Dandong"),
("approval","2027-03-03","received the decision of the Liaoning Administration for Market Regulation",O),
("deadline","2027-H1","completion is expected in the first half of 2027",O),
("deadline","2028","to 60% by the end of 2028"),
("announcement","2027-Q3","we expect to submit the application in the third quarter",O),
("meeting","2027-05-28","The Board will hold the 2026 annual general meeting on Friday, 28 May 2027"),
("deadline","2027-05-24","no later than 4:30 p.m. on Monday, 24 May 2027"),
],
# DCT Monday 2026-11-02 (2026-W45; the review's date line). "In September" = 2026-09; "last month" = 2026-10;
# "on Saturday" (future, "will present") = 2026-11-07; "in the spring" (future) = 2027-SP; "the autumn of 2027" =
# 2027-FA; "the winter of 1987-88" spans two years (optional at both 1987-WI and 1988-WI, as own4 u03)
"v05_book_review_amur_crossing.txt":[
("agreement","1858-05-28","the Treaty of Aigun, signed on 28 May 1858"),
("agreement","1860","confirmed by the Convention of Peking in 1860",O),
("announcement","1986-07-28","Mikhail Gorbachev's speech in Vladivostok on 28 July 1986"),
("launch","1987-WI","Trade across the ice resumed in the winter of 1987–88",O),
("launch","1988-WI","Trade across the ice resumed in the winter of 1987–88",O),
("agreement","1988-09","the first barter contracts between Heihe and Blagoveshchensk were concluded in September 1988"),
("launch","1989","The passenger ferry was restored in 1989"),
("agreement","1995-06","An intergovernmental agreement on building a road bridge was signed in June 1995"),
("announcement","2014-10","the Amur governor announced in October 2014"),
("launch","2016-12-24","construction began on 24 December 2016"),
("launch","2022-06-10","it was opened to freight on 10 June 2022"),
("approval","2026-09","In September the Amur regional government approved a new master plan"),
("visit","2026-10","travelled to Blagoveshchensk last month"),
("meeting","2026-10","travelled to Blagoveshchensk last month",O),
("deadline","2027-FA","is due in the autumn of 2027",O),
("meeting","2026-11-07","at the Far Eastern Book Fair in Khabarovsk on Saturday"),
("meeting","2027-SP","at the Heihe municipal library, in Chinese translation, in the spring",O),
],
# DCT Wednesday 2027-01-20 (2027-W03; byline). "from 3 to 14 November", "16 September", "the next day", "in late
# August", "in December", "on 28 December", "on 10 October" (past) = 2026; "on 1 August last year" = 2026-08-01; "on
# Tuesday" = 2027-01-19; "Last Thursday" = 2027-01-14; "on 5 January" = 2027-01-05; "no later than 31 March", "in the
# second quarter", "in June", "by the end of the year" (future) = 2027; "earlier that year" (after 30 April 2025) = 2025
"v06_photo_essay_rason.txt":[
("visit","2026-11-03","I travelled to the Rason Special Economic Zone from 3 to 14 November"),
("approval","1991-12","The town was declared a free economic and trade zone in December 1991"),
("announcement","1991-12","The town was declared a free economic and trade zone in December 1991",O),
("approval","2011","was amended by the Standing Committee of the Supreme People's Assembly in 2011"),
("launch","2014-07","which RasonKonTrans put into service in July 2014"),
("announcement","2027-01-19","The Russian Ministry for the Development of the Far East said on Tuesday"),
("launch","2026-08-01","restarted on 1 August last year"),
("launch","2025-04-30","Construction began on 30 April 2025"),
("agreement","2025","signed the construction agreement in Vladivostok earlier that year"),
("deadline","2027-03-31","the bridge will open no later than 31 March"),
("launch","2027-Q2","the opening ceremony is to be held in the second quarter",O),
("meeting","2027-Q2","the opening ceremony is to be held in the second quarter",O),
("announcement","2026-12","The Rason People's Committee announced in December"),
("meeting","2026-08","was held in late August"),
("meeting","2027-08-24","the next exhibition will open on 24 August 2027"),
("launch","2027-08-24","the next exhibition will open on 24 August 2027",O),
("launch","2027-01-05","resumed on 5 January"),
("announcement","2026-12-28","the Hunchun tourism bureau announced the resumption on 28 December"),
("deadline","2027","set a target of 20,000 Chinese visitors to Rason in 2027",O),
("visit","2026-09-16","which arrived in Rajin on 16 September"),
("meeting","2026-09-17","The delegation held talks with the chairman of the Rason People's Committee"),
("agreement","2026-09-17","signed an agreement on a summer ferry between Vladivostok and Rajin"),
("launch","2027-06","The ferry is due to make its first sailing in June"),
("deadline","2027-06","The ferry is due to make its first sailing in June",O),
("approval","2027-01-14","Last Thursday the Jilin provincial government issued a notice"),
("deadline","2027","calls for round-the-clock customs clearance by the end of the year"),
("launch","2026-10-10","a new customs building was opened on 10 October"),
],
}
with open("docs.jsonl","w") as f:
    for d,t in D.items(): f.write(json.dumps({"doc":d,"dct":t})+"\n")
with open("gold.jsonl","w") as f:
    for d,evs in G.items():
        for e in evs:
            r={"doc":d,"type":e[0],"date":e[1],"evidence":e[2]}
            if len(e)>3: r["optional"]=True
            f.write(json.dumps(r,ensure_ascii=False)+"\n")
