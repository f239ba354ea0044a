"""Regenerate docs.jsonl and gold.jsonl for the fifth own held-out set (heldout-own5).

Each event is (type, date, evidence[, O]); O marks a judgement call ("optional": true).
Evidence is a verbatim span of the document, unique in it and within one line.
Run: python3 build_gold.py && python3 /work/main/eval/check_gold.py .
"""
import json
D={"v01_liveblog_eef_vladivostok.txt":"2026-09-03",
   "v02_pressrelease_amur_soy_jv.txt":"2026-05-12",
   "v03_wiki_tumen_road_bridge.txt":"2026-02-03",
   "v04_kcna_digest_primorye_delegation.txt":"2026-03-19",
   "v05_railtrade_harbin_ussuriysk_service.txt":"2025-11-27",
   "v06_speech_consul_general_shenyang.txt":"2026-06-11"}
O=True
G={
# DCT Thursday 2026-09-03 (2026-W36; the blog's header date; every entry is on that day).
# "today", "this morning", "this afternoon", "this evening", "a few minutes ago" = 2026-09-03;
# "yesterday", "on Wednesday", "late on Wednesday", "Yesterday's highlights" = 2026-09-02;
# "on Tuesday" = 2026-09-01; "on Monday" = 2026-08-31; "Friday", "tomorrow" = 2026-09-04 (future);
# "last month" = 2026-08; "in June" (past) = 2026-06; "on 25 October", "from 1 December" (future) = 2026;
# "in October" (conditional) gives nothing.
"v01_liveblog_eef_vladivostok.txt":[
("agreement","2026-09-03","concluded a memorandum on joint fire-fighting along the border this afternoon"),
("visit","2026-06","who toured the Harbin trade fair in June"),
("meeting","2026-06","who toured the Harbin trade fair in June",O),
("meeting","2026-09-03","told the Jilin session",O),
("deadline","2027-07-01","must be handed over to the border service no later than 1 July 2027"),
("launch","2027-Q4","the second stage of the Zarubino grain terminal will be commissioned in the fourth quarter of 2027"),
("deadline","2027-Q4","the second stage of the Zarubino grain terminal will be commissioned in the fourth quarter of 2027",O),
("meeting","2026-09-04","will speak at the plenary session at 12:00"),
("meeting","2026-09-04","is then due to hold talks with Chinese Vice Premier Zhang Guoqing on the sidelines of the forum on Friday afternoon"),
("deadline","2026-09-04","is then due to hold talks",O),
("visit","2026-09-02","Zhang arrived in Vladivostok late on Wednesday"),
("meeting","2026-09-02","He was met at the airport by Deputy Prime Minister Yuri Trutnev",O),
("visit","2026-09-03","is expected to visit the Russky Island campus this evening",O),
("launch","2026-08","Direct flights between Vladivostok and Harbin debuted last month"),
("launch","2026-10-25","A Vladivostok–Changchun route is due to start on 25 October"),
("deadline","2026-10-25","A Vladivostok–Changchun route is due to start on 25 October",O),
("meeting","2026-09-03","hosted a round table on the Tumen corridor at the China pavilion this morning"),
("agreement","2026-09-03","The agreement was signed at 10:40 today in Hall 7"),
("visit","2026-09-01","who arrived in Vladivostok on Tuesday at the head of a 120-strong provincial delegation"),
("announcement","2026-09-03","He made the statement at the session"),
("meeting","2026-09-03","\"The Far East and Asia: new logistics\" this morning"),
("approval","2026-08-31","the government had signed off on the list of municipalities on Monday"),
("meeting","2026-09-02","The forum opened yesterday with a day of sectoral sessions"),
("launch","2026-09-02","The forum opened yesterday with a day of sectoral sessions",O),
("meeting","2026-09-03","Today's main business is the Russia–China business dialogue"),
("meeting","2026-09-03","the Jilin–Primorye session in the afternoon",O),
("approval","2026-09-02","Prime Minister Mikhail Mishustin signed the resolution on Wednesday morning"),
("visit","2026-09-02","before flying in",O),
("announcement","2026-09-02","The Far East and Arctic Development Corporation announced"),
("launch","2026-12-01","would open to Chinese carriers from 1 December"),
],
# DCT Tuesday 2026-05-12 (2026-W20; the release dateline). "Monday, May 11" = 2026-05-11;
# "on Friday" = 2026-05-08; "last week" = 2026-W19; "in early March", "in April", "in February",
# "in January" (past) = 2026; "in June" (future) = 2026-06; "Last year" = 2025; "the end of 2029" = 2029.
"v02_pressrelease_amur_soy_jv.txt":[
("announcement","2026-05-12","today announced the formation of a joint venture",O),
("agreement","2026-05-11","The two companies signed the joint venture agreement on the sidelines"),
("meeting","2026-05-11","which was convened in Harbin on Monday, May 11"),
("launch","2026-04-14","The JV was registered in Blagoveshchensk on 14 April 2026"),
("approval","2026-03-27","Its project was endorsed by the Amur Oblast Investment Council on 27 March 2026"),
("meeting","2026-03-27","Its project was endorsed by the Amur Oblast Investment Council on 27 March 2026",O),
("approval","2026-04","approved the JV's application for resident status in the advanced special economic zone in April"),
("announcement","2026-02","The partners had applied for that status in February",O),
("approval","2026-01","list of key outbound investment projects, issued in January"),
("agreement","2025-09","a framework memorandum that Longjiang and AAH struck"),
("meeting","2025-09","at the Eastern Economic Forum in Vladivostok in September 2025"),
("visit","2026-03","toured the proposed site on the Zeya river embankment in early March"),
("visit","2026-W19","Governor Orlov travelled to Harbin last week"),
("visit","2019","When we first travelled to Blagoveshchensk in 2019"),
("agreement","2025","Last year we concluded a long-term supply contract with 38 farms"),
("launch","2026-Q3","Construction is expected to commence in the third quarter of 2026"),
("deadline","2026-Q3","Construction is expected to commence in the third quarter of 2026",O),
("launch","2028-H1","The first crushing line is scheduled to be put into service in the first half of 2028"),
("deadline","2028-H1","The first crushing line is scheduled to be put into service in the first half of 2028",O),
("deadline","2029","the JV must reach the plant's full design capacity no later than the end of 2029"),
("approval","2026-06","is expected to be completed in June",O),
("announcement","2026-05-08","The Amur Oblast government announced on its website on Friday"),
],
# DCT Tuesday 2026-02-03 (the page's "last edited" date). All event dates are absolute.
# Reference-list dates (e.g. 30 October 2024, 18 March 2025, 19 December 2025) are never events.
"v03_wiki_tumen_road_bridge.txt":[
("launch","1959","a single-track rail bridge that opened in 1959"),
("announcement","2015","was first proposed by the Primorsky Krai administration in 2015"),
("launch","2024","The project was revived after the two countries upgraded relations in 2024",O),
("approval","2024-06-10","The Government of Russia approved the draft intergovernmental agreement on 10 June 2024"),
("agreement","2024-06-19","the agreement on the construction of the bridge was signed in Pyongyang on 19 June 2024"),
("visit","2024-06-19","during Vladimir Putin's state visit to North Korea"),
("approval","2024-10","It was ratified by the State Duma in October 2024"),
("launch","2024-12-04","entered into force on 4 December 2024",O),
("deadline","2026","the bridge as a whole is to be completed by the end of 2026"),
("approval","2025-02-26","Prime Minister Mikhail Mishustin signed Government Resolution No. 214 on 26 February 2025"),
("agreement","2025-03","In March 2025, Rosavtodor concluded a state contract with the general contractor"),
("launch","2025-04-30","A ground-breaking ceremony on 30 April 2025 marked the start of construction"),
("meeting","2025-04-30","A ground-breaking ceremony on 30 April 2025 marked the start of construction",O),
("launch","2026","Opening: 2026 (planned)",O),
("visit","2025-09","In September 2025, a Rosavtodor inspection team visited the Korean side of the site"),
("meeting","2025-11-14","The joint construction commission held its fifth meeting in Khasan on 14 November 2025"),
("announcement","2025-12","In December 2025, the DPRK Ministry of Land and Environment Protection announced"),
("announcement","2026-01","As of January 2026, the Russian side reported",O),
("deadline","2026-Q2","the checkpoint must be ready no later than the second quarter of 2026"),
("launch","2013-09","reopened in September 2013 as part of the RasonConTrans project"),
("announcement","2024-05-16","A joint statement issued by Russia and China on 16 May 2024"),
],
# DCT Thursday 2026-03-19 (2026-W12; the digest's date and every dateline). "on Tuesday" = 2026-03-17;
# "on Wednesday", "on the same day" (after Wednesday) = 2026-03-18; "on Friday" (future) = 2026-03-20;
# "Thursday" = 2026-03-19; "last week" = 2026-W11; "last month" = 2026-02; "earlier this year" = 2026;
# "June last year" = 2025-06; "March 2/12/13/15", "April 1", "October 10" = 2026; "Juche 115" = 2026.
"v04_kcna_digest_primorye_delegation.txt":[
("visit","2026-03-17","arrived here on Tuesday"),
("meeting","2026-03-18","at the Mansudae Assembly Hall on Wednesday"),
("agreement","2026-03-18","were inked between the DPRK Ministry of Fisheries and the Primorsky Territory Government on the same day"),
("agreement","2026-03-18","a protocol on the opening of a regular bus route between Rason and Vladivostok",O),
("visit","2026-03-20","The delegation is scheduled to visit Rajin Port and the Rason Economic and Trade Zone on Friday"),
("visit","2026-03-15","gave field guidance to the newly built Rason Fish Processing and Cold Storage Complex on March 15"),
("deadline","2026-10-10","to finish the second-stage project for the fishing port no later than October 10"),
("approval","2026-03-12","amended and supplemented the Law on the Rason Economic and Trade Zone"),
("meeting","2026-03-12","at its plenary meeting held on March 12, Juche 115 (2026)"),
("approval","2026-03-13","was promulgated on March 13"),
("approval","2026-03-02","Under a Cabinet decision issued on March 2"),
("launch","2026-04-01","will be launched on April 1"),
("launch","2025-06","which was resumed in June last year"),
("announcement","2026-03-18","issued a press statement on Wednesday"),
("launch","2026-W11","the U.S. and the ROK kicked off last week",O),
("meeting","2026-03-17","gave a reception on Tuesday",O),
("agreement","1949-03-17","Agreement on Economic and Cultural Cooperation (March 17, 1949)",O),
("meeting","2026","held in Moscow earlier this year"),
("deadline","2026-08","is to be completed no later than August 2026"),
("announcement","2026-03-19","Rodong Sinmun Thursday carried a signed article",O),
("meeting","2026-02","the national fisheries conference held last month"),
],
# DCT Thursday 2025-11-27 (2025-W48; byline). "Sunday, 23 November" = 2025-11-23; "last Friday" = 2025-11-21;
# "on Monday" = 2025-11-24; "earlier this month" = 2025-11; "from mid-December", "December 10",
# "the fourth quarter" (future) = 2025; "2025年9月" = 2025-09; "2025年10月28日" = 2025-10-28;
# "2025年11月12日" = 2025-11-12; "in October" (a start that did not happen) = 2025-10.
# "in the coming weeks" has no value. The train's arrival "on Tuesday" is not a visit.
"v05_railtrade_harbin_ussuriysk_service.txt":[
("launch","2025-11-23","left Harbin Inland Port at 22:10 on Sunday, 23 November"),
("agreement","2025-09","under a three-year agreement the two companies concluded in 2025年9月"),
("meeting","2025-09","concluded in 2025年9月 at the Harbin trade fair",O),
("launch","2025-12","is due to be added from mid-December"),
("deadline","2025-12","is due to be added from mid-December",O),
("deadline","2025-12-10","must book them no later than December 10"),
("approval","2025-10-28","endorsed a subsidy of 1,500 yuan per forty-foot container for the new service on 2025年10月28日"),
("approval","2025-11-21","Manzhouli Customs issued a notice last Friday"),
("announcement","2025-11-24","Russia's Ministry of Transport announced on Monday"),
("launch","2025-Q4","the upgraded gauge-change yard at Zabaikalsk will be commissioned in the fourth quarter"),
("deadline","2025-Q4","the upgraded gauge-change yard at Zabaikalsk will be commissioned in the fourth quarter",O),
("deadline","2027-12","Russian Railways must complete it by December 2027"),
("launch","2022","which was put into service in late 2022"),
("meeting","2025-11-12","met in Irkutsk from 12 to 14 November"),
("meeting","2019","which first met in 2019",O),
("deadline","2025-10","originally due in October",O),
("visit","2025-11","toured the rail terminal at Vladivostok Commercial Sea Port earlier this month"),
("announcement","2025-11-12","published on 2025年11月12日",O),
],
# DCT Thursday 2026-06-11 (2026-W24; the delivery date under the title). "last month" = 2026-05;
# "Next week" = 2026-W25; "Tomorrow" = 2026-06-12 (Russia Day: a holiday, no event); "Next month" = 2026-07
# (an anniversary, no event); "In January/February/March/April", "on 28 April", "On 2 June" (past) = 2026;
# "from 1 July", "1 September", "In September" (future) = 2026; "by the end of this year" = 2026.
"v06_speech_consul_general_shenyang.txt":[
("visit","2026-05","During President Vladimir Putin's state visit to China last month"),
("meeting","2026-05","the two leaders held talks in Beijing"),
("agreement","2026-05","witnessed the signing of twenty-two intergovernmental and interdepartmental documents"),
("announcement","2026-05","In the joint statement, our leaders called",O),
("agreement","2001-07-16","signed in Moscow on 16 July 2001"),
("visit","2026-04","In April, the Governor of Primorsky Krai came to Shenyang and Dalian"),
("meeting","2026-04-28","on 28 April he co-chaired, together with the Governor of Liaoning, the first session"),
("approval","2026-01","In January, the Government of the Russian Federation adopted an updated concept"),
("approval","2026-02","in February the People's Government of Liaoning Province issued its own plan"),
("launch","2026-03","In March we opened a visa application centre there"),
("announcement","2026-06-11","I am pleased to announce today"),
("launch","2026-07-01","from 1 July this Consulate General will issue electronic visas"),
("announcement","2026-06-02","On 2 June, the Russian Ministry of Foreign Affairs announced"),
("deadline","2026-09-01","has set 1 September as the deadline"),
("deadline","2026","by the end of this year"),
("visit","2026-W25","Next week, a delegation of some forty Liaoning entrepreneurs will travel to St Petersburg"),
("meeting","2026-W25","for the International Economic Forum",O),
("meeting","2026-09","In September we look forward to seeing our Chinese friends in Vladivostok",O),
("visit","2026-09","In September we look forward to seeing our Chinese friends in Vladivostok",O),
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
