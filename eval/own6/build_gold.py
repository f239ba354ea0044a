"""Regenerate docs.jsonl and gold.jsonl for the sixth own held-out set (heldout-own6).

Each event is (type, date, evidence[, O]); O marks a judgement call ("optional": true).
Evidence is a verbatim span of the document, unique in it and within one line.
Run: python3 build_gold.py && python3 /work/main/eval/check_gold.py .
"""
import json
D={"v01_tass_wire_khasan_rajin_train.txt":"2026-10-15",
   "v02_amur_legislative_session_summary.txt":"2026-06-25",
   "v03_obituary_heihe_bridge_veteran.txt":"2026-08-19",
   "v04_mfa_press_conference_transcript.txt":"2026-04-08",
   "v05_rapporteur_report_tumen_forum.txt":"2026-05-29",
   "v06_newsletter_borderlands_brief.txt":"2026-11-13"}
O=True
G={
# DCT Thursday 2026-10-15 (2026-W42; all three datelines "October 15"). "on Thursday", "Later on Thursday" = 10-15;
# "on Wednesday", "Late on Wednesday" = 10-14; "on June 18", "in September", "in August", "in March" (past) = 2026;
# "by December 1" (future) = 2026-12-01; "in the summer" (past, October DCT) = 2026-SU; "the first quarter of 2027";
# "in the coming weeks", "next summer" (conditional): no value; "no later than 48 hours before departure": a duration
"v01_tass_wire_khasan_rajin_train.txt":[
("visit","2026-10-15","Primorsky Krai Governor Oleg Kozhemyako arrived in the Rason special economic zone"),
("launch","2026-10-14","The Vladivostok-Rajin service was put into service on Wednesday"),
("agreement","2026-06-18","was concluded by the railway administrations of the two countries in Moscow on June 18"),
("meeting","2026-06-18","during a meeting of their joint border railway commission"),
("approval","2026-09","The fare was approved by Russia's Federal Antimonopoly Service in September"),
("approval","2026-08","the DPRK Cabinet approved rules for the entry of Russian tourist groups by rail in August"),
("meeting","2026-10-15","Later on Thursday, Kozhemyako held talks with the chairman of the Rason City People's Committee"),
("agreement","2026-10-15","the two sides signed a protocol on tourist exchanges for 2027"),
("visit","2026-03","Kozhemyako last travelled to the country in March"),
("meeting","2026-03","when he led a regional government delegation to Pyongyang for talks on fisheries and labour cooperation",O),
("deadline","2026-12-01","Russian Railways is to complete the reconstruction of the passenger terminal at Khasan station by December 1"),
("launch","2026-SU","was commissioned in the summer"),
("launch","2027-Q1","will open to traffic in the first quarter of 2027"),
("announcement","2026-10-15","Yury Trutnev declared on Thursday"),
("meeting","2026-10-15","Trutnev said at a meeting with journalists in Moscow",O),
("announcement","2026-10-14","Late on Wednesday, the DPRK Ministry of Railways issued a statement"),
],
# DCT Thursday 2026-06-25 (2026-W26; dateline "25.06.2026"). "on 25 June", "On Thursday", "on Thursday" = 06-25;
# "On Tuesday" = 06-23; "on 28 May", "in April" (past), "16 April 2026", "11 May 2026"; "on the 15th" (past, DCT month) = 06-15;
# "no later than 1 October", "in the second half of August", "in mid-September", "on 30 July" (future) = 2026;
# "by the end of 2027" = 2027. "for 2026 and ... 2027 and 2028", "January-May", "the 2025 fiscal year", "in 2025": periods
"v02_amur_legislative_session_summary.txt":[
("meeting","2026-06-25","The 41st session of the Legislative Assembly of Amur Oblast was held on 25 June"),
("approval","2026-06-25","On Thursday, deputies adopted in the second and final reading amendments"),
("approval","2026-05-28","which deputies approved in the first reading on 28 May"),
("approval","2026-06-25","was passed in full on Thursday"),
("launch","2015","The Priamurskaya zone, created in 2015"),
("agreement","2026-05-11","signed in Harbin on 11 May 2026"),
("approval","2026-06-25","Deputies endorsed the Agreement between the Government of Amur Oblast",O),
("launch","2026-04","the Blagoveshchensk-Heihe bus route, which resumed in April"),
("approval","2026-06-15","the regional government approved the draft Strategy of Cross-Border Cooperation with the PRC on the 15th"),
("deadline","2027","completing the grain terminal at the Blagoveshchensk river port by the end of 2027"),
("deadline","2026-10-01","to the Legislative Assembly no later than 1 October"),
("visit","2026-08","is expected in Blagoveshchensk in the second half of August"),
("meeting","2026-06-23","On Tuesday, the committee on economic policy and property held an off-site meeting"),
("visit","2026-06-23","held an off-site meeting at the Blagoveshchensk cargo and passenger checkpoint",O),
("approval","2026-04-16","Resolution of the Government of Amur Oblast No. 412 of 16 April 2026"),
("announcement","2026-06-25","Governor Orlov's annual report on the results of the regional government's activities in 2025 was heard",O),
("announcement","2026-06-25","Speaker Dementyev announced that public hearings",O),
("meeting","2026-09","public hearings on the draft Strategy of Cross-Border Cooperation would take place in mid-September"),
("meeting","2026-07-30","the next session of the Legislative Assembly would be held on 30 July"),
],
# DCT Wednesday 2026-08-19 (2026-W34; byline). "on Sunday" = 08-16 (death: no type); "on Monday" = 08-17;
# "that November" (after "the spring of 1988") = 1988-11; "in mid-May last year" = 2025-05;
# "by the end of September" (future) = 2026-09; "on Saturday" (future, the farewell ceremony) = 08-22. Born 1942, 1969 clashes, "in the 1960s", appointed 1998, retired 2003: no events
"v03_obituary_heihe_bridge_veteran.txt":[
("announcement","2026-08-17","The Heilongjiang provincial government announced his death on Monday"),
("visit","1988-SP","he led the first Heilongjiang trade delegation to cross the river in the spring of 1988"),
("agreement","1988-11","the barter protocol he concluded in Blagoveshchensk that November"),
("meeting","1990-06","In June 1990 he chaired the first Harbin trade fair"),
("approval","1992","The State Council approved Heihe as an open border city in 1992"),
("approval","1996","The 1996 plan for the Heihe border economic cooperation zone"),
("launch","1993","launched in 1993 to carry traders over the ice-bound river in winter"),
("announcement","1995","Zhao first proposed a fixed crossing in a letter to the provincial leadership in 1995"),
("agreement","2015","The intergovernmental agreement on building the bridge was not signed until 2015"),
("launch","2016-12","construction began in December 2016"),
("visit","2019","At 77 he toured the Russian Far East again in 2019"),
("visit","2024-05","who visited Harbin in May 2024"),
("meeting","2024-05","invited to a reception for Russian President Vladimir Putin",O),
("launch","2022-06-10","The bridge opened to freight traffic on 10 June 2022"),
("meeting","2025-05","at a border trade forum in Heihe in mid-May last year"),
("announcement","2025-05","he said the bridge was \"only half-used\"",O),
("announcement","2011","His memoir, \"Across the Ice\", was published in 2011",O),
("announcement","2014","a Russian translation appeared in Blagoveshchensk in 2014",O),
("meeting","2026-08-22","A farewell ceremony will be held in Harbin on Saturday",O),
("deadline","2026-09","The city council is due to decide on the proposal by the end of September"),
],
# DCT Wednesday 2026-04-08 (2026-W15; title date). "Yesterday", "on Tuesday" = 04-07; "on Monday" = 04-06; "on Sunday" = 04-05;
# "Last Friday" = 04-03; "next week" = 2026-W16; "April 12 to 14" = 04-12 (span: first day); "April 13";
# "the third quarter of this year" = 2026-Q3; "the end of June" = 2026-06; "March last year", "September last year" = 2025;
# "Earlier this year" = 2026; "in February" (past) = 2026-02; "in September" (future) = 2026-09; "the coming months": no value
"v04_mfa_press_conference_transcript.txt":[
("visit","2026-04-12","will pay an official visit to China from April 12 to 14"),
("meeting","2026-04-13","The two foreign ministers will hold talks in Beijing on April 13"),
("meeting","2026-W16","vice-ministerial consultations on the economic corridor will be held in Ulaanbaatar next week"),
("visit","2026-W16","Vice Foreign Minister Sun Weidong will lead the Chinese delegation",O),
("announcement","2026-04-07","Yesterday, Russia's Ministry for the Development of the Far East and Arctic announced"),
("launch","2026-Q3","will begin operating in the third quarter of this year"),
("agreement","2025-03","The two sides signed the intergovernmental agreement on establishing the checkpoint in March last year"),
("deadline","2026-06","will complete the construction of its inspection facilities no later than the end of June"),
("announcement","2026-04-06","The Korean Central News Agency reported on Monday",O),
("visit","2026-04-05","had arrived in Pyongyang on Sunday"),
("meeting","2026-04-03","Last Friday, experts from China and Russia met in Hunchun for consultations"),
("agreement","2026-04-03","agreed to keep in contact",O),
("approval","2026-04-06","The European Union adopted a new sanctions package against Russia on Monday"),
("agreement","2026-04-07","signed a memorandum on transit cargo through the port of Zarubino on Tuesday"),
("approval","2026","Earlier this year, the Ministry of Commerce released guidelines"),
("announcement","2026","Earlier this year, the Ministry of Commerce released guidelines",O),
("launch","2026-02","the Changchun-Vladivostok air route, which debuted in February"),
("meeting","2026-09","Will Chinese leaders attend the Eastern Economic Forum in Vladivostok in September?",O),
("meeting","2025-09","Foreign Minister Wang Yi held talks with DPRK Foreign Minister Choe Son Hui in Beijing in September last year"),
("visit","2025-09","when she paid an official visit to China"),
("announcement","2026-04-07","Mongolia said on Tuesday that it had applied to join",O),
("meeting","2026-04-08","this concludes today's press conference",O),
],
# DCT Friday 2026-05-29 (2026-W22; "Circulated: 29 May 2026"). "26-27 May" = 05-26 (span: first day); "on Tuesday" = 05-26;
# "on the eve of the forum" = 05-25; "the forum's second day", "27 May" = 05-27; "on 12 May"; "2026年3月" = 2026-03;
# "in April" (past) = 2026-04; "the end of this year" = 2026; "on 1 July", "by 30 June" (future) = 2026;
# "the autumn of 2027" = 2027-FA; "(2026-2030)", "the 15th Five-Year Plan period", "in 2025", "since 2020", "since 2009": no events
"v05_rapporteur_report_tumen_forum.txt":[
("meeting","2026-05-26","The Sixth Tumen River Area Cooperation Forum was held in Yanji on 26-27 May"),
("visit","2026-05-25","having toured the Hunchun international logistics park on the eve of the forum"),
("launch","2016","The forum series was inaugurated in Hunchun in 2016"),
("meeting","2016","The forum series was inaugurated in Hunchun in 2016",O),
("launch","1991","the UNDP Tumen River Area Development Programme, launched in 1991"),
("announcement","2026-05-26","Opening the forum on Tuesday, Yanbian Prefecture Governor Jin Yuhui unveiled the prefecture's Action Plan"),
("approval","2026-05-26","Opening the forum on Tuesday, Yanbian Prefecture Governor Jin Yuhui unveiled the prefecture's Action Plan",O),
("approval","2026-05-12","the plan had been endorsed by the prefectural people's government on 12 May"),
("deadline","2028","aims for three million cross-border trips a year by 2028"),
("launch","1992","the district and Hunchun have exchanged tourist groups since 1992",O),
("launch","2026-03","the Hunchun-Zarubino container route, launched in 2026年3月"),
("deadline","2027-Q4","is due to be completed in the fourth quarter of 2027"),
("announcement","2026-04","Mongolia's Ministry of Road and Transport Development announced in April"),
("deadline","2026","is to be finished by the end of this year"),
("launch","2026-07-01","will resume on 1 July with three flights a week"),
("agreement","2026-05-27","On the forum's second day, the Jilin provincial department of culture and tourism and the Primorsky Krai tourism agency concluded a memorandum on joint tour packages"),
("visit","2026-05-27","In the afternoon of 27 May, participants visited the Fangchuan observation deck"),
("approval","2026-05-27","participants adopted the Yanji Recommendations",O),
("announcement","2026-05-27","The co-organisers announced that the Seventh Forum",O),
("meeting","2027-FA","will be convened in Vladivostok in the autumn of 2027"),
("deadline","2026-06-30","The rapporteurs will circulate the full proceedings to participants by 30 June"),
],
# DCT Friday 2026-11-13 (2026-W46; issue date). "on Monday" = 11-09; "on Tuesday" = 11-10; "on Wednesday" = 11-11;
# "on Thursday" = 11-12; "on Saturday" = 11-07; "this week", "earlier this week" = 2026-W46; "last month" = 2026-10;
# "in July" (past) = 2026-07; "2026年11月10日", "2026年11月6日"; "the third quarter" (past promise) = 2026-Q3;
# "mid-2027" = 2027; "by 15 January" = 2027-01-15 (the next 15 January); "on the 15th" (future, DCT month) = 11-15;
# "from 5 to 8 November" = 11-05; "16-18 November" = 11-16; "20 November"; "by 6 December"; "Early December" = 2026-12;
# "Q1 2027". Not events: "from late December if the river freezes", "since the summer", "January-October", "31 December", archive
"v06_newsletter_borderlands_brief.txt":[
("approval","2026-11-09","Jilin's provincial government signed off on a revised plan for the Changjitu pilot zone on Monday"),
("agreement","2026-W46","Heilongjiang and Khabarovsk Krai struck a deal this week on winter ice-road crossings at Fuyuan"),
("announcement","2026-11-11","the Far East ministry said on Wednesday",O),
("deadline","2026-Q3","which officials had promised for the third quarter",O),
("deadline","2027","The new target date is mid-2027"),
("launch","2026-11-10","Harbin's bonded warehouse for Russian goods was inaugurated on 2026年11月10日"),
("announcement","2026-11-12","announced on Thursday a tender for the design of a second road bridge"),
("deadline","2027-01-15","Bids are due by 15 January"),
("launch","2026-11-15","take effect on the 15th",O),
("visit","2026-W46","Inner Mongolia's Party secretary travelled to Ulaanbaatar earlier this week"),
("meeting","2026-W46","for talks on the Erenhot-Zamyn-Uud cross-border zone",O),
("visit","2026-11-07","Kim Jong Un inspected the Rajin port expansion on Saturday"),
("announcement","2026-11-07","called for the second pier to be finished",O),
("visit","2023","It was his first trip to Rason since 2023",O),
("approval","2026-11-10","ratified the Russia-DPRK agreement on cross-border road transport on Tuesday"),
("agreement","2026-07","The agreement was signed in Moscow in July"),
("meeting","2026-10","held the twelfth session of their intergovernmental commission on trade and economic cooperation in Moscow last month"),
("meeting","2026-11-05","Dandong hosted the first China-DPRK commodities fair since 2019 from 5 to 8 November"),
("meeting","2019","the first China-DPRK commodities fair since 2019",O),
("announcement","2026-11-06","Liaoning published a draft regulation on the Dandong border economic cooperation zone for public comment on 2026年11月6日"),
("approval","2026-11-06","Liaoning published a draft regulation on the Dandong border economic cooperation zone for public comment on 2026年11月6日",O),
("deadline","2026-12-06","Comments must be submitted by 6 December"),
("meeting","2026-11-16","16-18 November: Russia-China Investment Forum, Harbin."),
("deadline","2026-11-20","20 November: Deadline for comments on the GACC draft rules on border residents' trade."),
("visit","2026-12","Early December: Liaoning Governor Wang Xinwei expected in Vladivostok."),
("launch","2027-Q1","Q1 2027: Khasan-Tumangang road bridge opening (planned)."),
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
