"""Regenerate docs.jsonl and gold.jsonl for the fourth own held-out set (heldout-own4).

Each event is (type, date, evidence[, O]); O marks a judgement call ("optional": true).
Evidence is a verbatim span of the document, unique in it and within one line.
Run: python3 build_gold.py && python3 ../check_gold.py
"""
import json
D={"u01_globaltimes_heilongjiang_farmland.txt":"2025-04-22",
   "u02_vladivostok_port_q3_results.txt":"2025-10-28",
   "u03_dailynk_hyesan_crackdown.txt":"2025-03-27",
   "u04_gacc_border_trade_announcement.txt":"2024-12-20",
   "u05_jilin_commerce_interview.txt":"2025-06-17",
   "u06_timeline_china_russia_border_trade.txt":"2025-08-05"}
O=True
G={
# DCT Tuesday 2025-04-22 (2025-W17); "On Monday" = 04-21; "last week" = 2025-W16; "In February" (past) = 2025-02;
# "July 1", "June" (future) = 2025; "Friday, April 18"; "Tuesday, March 18"; "by year-end" = 2025
"u01_globaltimes_heilongjiang_farmland.txt":[
("meeting","2025-04-21","On Monday, talks on a model lease contract for Chinese agricultural investors got under way in Birobidzhan"),
("launch","2025-04-21","On Monday, talks on a model lease contract for Chinese agricultural investors got under way in Birobidzhan",O),
("approval","2025-02","In February, the Russian Ministry of Agriculture green-lit a pilot scheme"),
("launch","2025-07-01","The platform is slated to go live on July 1"),
("deadline","2025-07-01","The platform is slated to go live on July 1",O),
("announcement","2025-04-18","Russian Agriculture Minister Oksana Lut announced on Friday, April 18"),
("launch","2025-W16","kicked off in Harbin last week"),
("approval","2025-03-18","the provincial government unveiled an action plan at a press conference on Tuesday, March 18"),
("announcement","2025-03-18","the provincial government unveiled an action plan at a press conference on Tuesday, March 18",O),
("meeting","2025-03-18","at a press conference on Tuesday, March 18",O),
("deadline","2025","by year-end, at least 30 Heilongjiang enterprises should have registered their leases"),
("deadline","2027","by 2027 soybean shipments from Chinese-run farms in Russia should reach 1 million tonnes"),
("agreement","1995-11","intergovernmental agreement on agricultural cooperation was inked in November 1995"),
("announcement","2016-09","Amur Oblast's then governor put forward the idea at the Eastern Economic Forum in September 2016"),
("meeting","2016-09","at the Eastern Economic Forum in September 2016"),
("launch","2023","which was put into operation in 2023"),
("visit","2024-05","When Russian President Vladimir Putin paid a call on Harbin in May 2024"),
("announcement","2024-05","he said that agriculture could become",O),
("meeting","2025-06","The next round is slated for June"),
("deadline","2026-Q1","the two sides aim to sign the model contract within the first quarter of 2026"),
],
# DCT Tuesday 2025-10-28 (release date); "Tuesday, 16 September" = 2025-09-16, "the day before" = 2025-09-15;
# "On the 15th" (under "August:") = 2025-08-15; "1 December" (future) = 2025-12-01; "by year-end" = 2025
"u02_vladivostok_port_q3_results.txt":[
("announcement","2025-10-28","today announces its unaudited operating results",O),
("launch","2025-09-02","The new reefer yard at Berth 14 was put into operation on 2 September"),
("agreement","2025-09-16","inked a five-year agreement on a weekly block train between Harbin and Vladivostok on Tuesday, 16 September"),
("launch","2025-09-15","the day before, the two companies launched a trial run from Suifenhe"),
("launch","2025-12-01","which is slated to start weekly runs on 1 December"),
("deadline","2025-12-01","which is slated to start weekly runs on 1 December",O),
("approval","2025-07-08","8 July: The Government of Primorsky Krai approved the allocation of 42 hectares"),
("approval","2025-07-08","The Company's Board of Directors approved the terminal's investment programme on the same day",O),
("visit","2025-07-22","22–24 July: A ZRT delegation was in Harbin and Changchun"),
("meeting","2025-07-22","where it wrapped up talks with the Jilin Provincial Department of Commerce"),
("visit","2025-08-15","On the 15th, Primorsky Krai Governor Oleg Kozhemyako toured the reefer yard"),
("agreement","2025-09-04","ZRT signed a memorandum with China Merchants Port Holdings"),
("meeting","2025-09-04","4 September: At the Eastern Economic Forum",O),
("approval","2025-09-30","30 September: The Federal Agency for Maritime and River Transport issued an order"),
("announcement","2025-10-01","On 1 October, the Ministry for the Development of the Russian Far East and Arctic announced"),
("deadline","2025","expects to complete dredging of the approach channel to Berth 14 by year-end"),
("launch","2026-Q2","Construction of the Cape Astafyev terminal is scheduled to begin in the second quarter of 2026"),
("deadline","2026-Q2","Construction of the Cape Astafyev terminal is scheduled to begin in the second quarter of 2026",O),
("announcement","2026-03-03","ZRT will publish its operating results for the full year 2025 on 3 March 2026",O),
("meeting","2025-10-29","A conference call for investors and analysts will be held on Wednesday, 29 October 2025",O),
],
# DCT Thursday 2025-03-27 (2025-W13); "in early March", "around the 10th", "on the 18th", "by the end of the month" = 2025-03;
# "on Sunday" = 03-23, "On Monday" = 03-24, "on Tuesday" = 03-25; "in mid-February", "last month" = 2025-02;
# "in December" (past) = 2024-12; "in January" = 2025-01; "last winter" = winter 2024/25 (optional at 2024-WI and 2025-WI)
"u03_dailynk_hyesan_crackdown.txt":[
("meeting","2025-03","The provincial party committee convened an enlarged plenary meeting in early March"),
("approval","2025-03","decided to launch a 100-day campaign against anti-socialist and non-socialist behavior"),
("announcement","2025-03-25","a source in Ryanggang province told Daily NK on Tuesday",O),
("launch","2025-03-10","The campaign kicked off around the 10th"),
("visit","2025-03-10","with inspection teams from the Ministry of Social Security arriving in Hyesan and Samjiyon"),
("launch","2025-03-23","the section reopened on Sunday"),
("deadline","2025-03","submit lists of \"unauthorized traders\" by the end of the month"),
("announcement","2025-03-24","On Monday, the provincial people's committee announced through the inminban"),
("approval","2024-WI","when the Central Committee issued a directive banning the use of Chinese yuan in markets",O),
("approval","2025-WI","when the Central Committee issued a directive banning the use of Chinese yuan in markets",O),
("meeting","2025-03-18","a plenary meeting of that province's party committee was held in Chongjin on the 18th"),
("visit","2025-02","who toured construction sites in Samjiyon in mid-February"),
("approval","2024-12","adopted by the Standing Committee of the Supreme People's Assembly in December"),
("announcement","2025-01","Daily NK first reported on the regulations in January",O),
("agreement","2025-02","inked a contract with a North Korean partner last month"),
],
# DCT Friday 2024-12-20 (the signature date); "Wednesday, December 18" = 2024-12-18
"u04_gacc_border_trade_announcement.txt":[
("approval","2024","Announcement No. 168 of 2024",O),
("approval","2024-12-20","20 December 2024",O),
("approval","2024-11-29","approved by the State Council on 29 November 2024"),
("announcement","2024-09","the joint application submitted by the People's Governments of Heilongjiang Province and Jilin Province in September 2024"),
("deadline","2025-01-15","shall submit their applications to the directly affiliated customs office by 15 January 2025"),
("deadline","2025-Q1","publish the list of pilot enterprises within the first quarter of 2025"),
("approval","2022","as set in Announcement No. 87 of 2022"),
("launch","2023-08-01","the pilot launched at the Heihe port on 1 August 2023"),
("deadline","2025-06-30","shall complete re-registration under this Announcement no later than 30 June 2025"),
("agreement","2023-06-05","on Border Residents' Trade signed on 5 June 2023"),
("deadline","2025-12-31","shall submit a first evaluation report on the pilot to the GACC by 31 December 2025"),
("launch","2025-01-01","This Announcement shall come into force as of 1 January 2025",O),
("approval","2019","Announcement No. 52 of 2019 of the General Administration of Customs shall be repealed"),
("meeting","2024-12-18","jointly convened a video conference on Wednesday, December 18"),
],
# DCT Tuesday 2025-06-17 (2025-W25); "on Friday" = 06-13; "last month" = 2025-05; "May 19 to 23", "Tuesday, May 20",
# "the day before" (May 20) = 05-19; "April 3", "the 28th" (of April) = 2025-04-28; "April 10"; "in March" = 2025-03;
# "in August" (future) = 2025-08; "Last year" = 2024; "January 1" = 2025-01-01; "the 15th of next month" = 2025-07-15
"u05_jilin_commerce_interview.txt":[
("visit","2025-05-19","We paid a call on the governments of Primorsky Krai and Khabarovsk Krai from May 19 to 23"),
("agreement","2025-05-20","In Vladivostok on Tuesday, May 20, we inked seven agreements"),
("meeting","2025-05-19","The governor had met Primorsky Governor Oleg Kozhemyako the day before"),
("agreement","2025-05-19","the two sides agreed to set up a working group on the Zarubino project",O),
("launch","2025-08","Construction is slated to begin in August"),
("deadline","2025-08","Construction is slated to begin in August",O),
("deadline","2026","we want the first phase in operation by the end of 2026"),
("approval","2025-04-03","The State Council green-lit the upgrading of the Hunchun checkpoint on April 3"),
("launch","2025-04-28","Work got under way on the 28th"),
("announcement","2025-04-10","On April 10 we announced subsidies"),
("launch","2025-03","in March we rolled out a \"single window\" service"),
("approval","2024","Last year the provincial government unveiled its three-year action plan"),
("announcement","2024","Last year the provincial government unveiled its three-year action plan",O),
("launch","2025-01-01","which took effect on January 1",O),
("deadline","2025-07-15","By the 15th of next month, we will publish a list of 20 processing enterprises"),
("meeting","2025-08-28","The 15th China-Northeast Asia Expo is slated to open in Changchun on Thursday, August 28"),
("launch","2025-08-28","The 15th China-Northeast Asia Expo is slated to open in Changchun on Thursday, August 28",O),
("visit","1998","In 1998, as a young interpreter with a trade delegation to Vladivostok",O),
],
# DCT Tuesday 2025-08-05 (2025-W32); "on July 10" = 2025-07-10; "Tuesday, July 29" = 2025-07-29; "In June" = 2025-06;
# "on Monday" = 2025-08-04; "in September" (future) = 2025-09; "by year-end" = 2025
"u06_timeline_china_russia_border_trade.txt":[
("meeting","2025-07-10","The 9th China-Russia Expo wrapped up in Yekaterinburg on July 10"),
("agreement","2025-07-10","with deals worth more than 10 billion yuan",O),
("approval","1992-03","March 1992: The State Council approves the opening of Heihe, Suifenhe, Hunchun and Manzhouli"),
("launch","1992-03","March 1992: The State Council approves the opening of Heihe, Suifenhe, Hunchun and Manzhouli",O),
("agreement","2001-07-16","16 July 2001: Jiang Zemin and Vladimir Putin sign the Treaty"),
("agreement","2004-10-14","14 October 2004: The Supplementary Agreement on the eastern section of the boundary is signed in Beijing"),
("approval","2009-09","September 2009: Hu Jintao and Dmitry Medvedev approve the Programme of Cooperation"),
("agreement","2009-09","September 2009: Hu Jintao and Dmitry Medvedev approve the Programme of Cooperation",O),
("announcement","2013-09","September 2013: In Astana, Xi Jinping proposes building a Silk Road Economic Belt"),
("launch","2014-02","February 2014: Construction of the Tongjiang-Nizhneleninskoye rail bridge kicks off"),
("visit","2015-05","May 2015: Xi Jinping visits Moscow for the Victory Day parade"),
("meeting","2019-06","June 2019: Xi and Putin hold talks in Moscow"),
("launch","2022-06-10","10 June 2022: The Heihe-Blagoveshchensk road bridge opens to freight traffic"),
("launch","2022-11-16","16 November 2022: The Tongjiang rail bridge is put into operation"),
("visit","2024-05-17","17 May 2024: Putin visits Harbin"),
("meeting","2024-05-17","opens the 8th China-Russia Expo"),
("launch","2024-05-17","opens the 8th China-Russia Expo",O),
("launch","1903","Suifenhe-Pogranichny | rail and road | 1903 (rail)",O),
("launch","1990","Dongning-Poltavka | road | 1990",O),
("deadline","2024","The target of 200 billion dollars in trade by 2024",O),
("agreement","2025-07-29","Under a protocol inked on Tuesday, July 29"),
("deadline","2026-Q1","will move to round-the-clock operation within the first quarter of 2026"),
("approval","2025-06","In June, Heilongjiang rolled out 18 measures"),
("launch","2025-06","In June, Heilongjiang rolled out 18 measures",O),
("announcement","2025-08-04","Russia's Ministry of Economic Development announced on Monday"),
("meeting","2025-09","is slated to hold its next session in Harbin in September"),
("deadline","2025","is slated to open by year-end"),
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
