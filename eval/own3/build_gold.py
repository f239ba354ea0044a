"""Regenerate docs.jsonl and gold.jsonl for the third own held-out set (heldout-own3).

Each event is (type, date, evidence[, O]); O marks a judgement call ("optional": true).
Evidence is a verbatim span of the document, unique in it and within one line.
Run: python3 build_gold.py && python3 ../check_gold.py
"""
import json
D={"t01_xinhua_heilongjiang_amur.txt":"2025-01-09",
   "t02_govru_checkpoint_commission.txt":"2025-11-20",
   "t03_nkpro_russia_dprk_rail.txt":"2025-09-16",
   "t04_jilin_work_report_2024.txt":"2024-01-24",
   "t05_erina_tumen_navigation_brief.txt":"2025-03-28",
   "t06_dandong_border_market.txt":"2025-10-14"}
O=True
G={
# DCT Thursday 2025-01-09 (2025-W02); Monday = 01-06, Tuesday = 01-07, Wednesday = 01-08, Thursday = DCT;
# "late last month" = 2024-12; "in September last year" = 2024-09; past "in August" = 2024-08;
# future "by the end of June", "in May", "in the second quarter" = 2025-06, 2025-05, 2025-Q2
"t01_xinhua_heilongjiang_amur.txt":[
("agreement","2025-01-09","signed a cooperation program for 2025-2027 in Harbin on Thursday"),
("meeting","2025-01-08","the 11th meeting of the Heilongjiang-Amur Oblast working group on trade and economic cooperation, which opened in the provincial capital on Wednesday"),
("launch","2025-01-08","which opened in the provincial capital on Wednesday",O),
("visit","2025-01-07","who arrived in Harbin on Tuesday at the head of a delegation"),
("meeting","2025-01-09","At Thursday's talks with Orlov"),
("announcement","2025-01-09","Heilongjiang Governor Liang Huiling said the province was ready",O),
("visit","2018-FA","who first visited Heilongjiang as governor in the autumn of 2018"),
("deadline","2025-06","complete a feasibility study for a grain and oilseed transshipment terminal in Blagoveshchensk by the end of June"),
("launch","2025-05","will launch a regular container barge service between Heihe and Blagoveshchensk in May"),
("deadline","2025-05","will launch a regular container barge service between Heihe and Blagoveshchensk in May",O),
("launch","2022-06","The opening of the Heihe-Blagoveshchensk highway bridge in June 2022"),
("announcement","2025-01-06","Harbin Customs announced on Monday"),
("agreement","2024-12","Late last month, State Grid Heilongjiang Electric Power Co., Ltd. and Russia's Inter RAO signed a contract"),
("launch","2012","which has carried Russian power into China since 2012",O),
("approval","2024-09","released by the provincial government in September last year"),
("announcement","2024-09","released by the provincial government in September last year",O),
("deadline","2027","raising the province's trade with Russia to 150 billion yuan by 2027"),
("visit","2024-08","Liang led a provincial government delegation to Blagoveshchensk and Khabarovsk in August"),
("agreement","2024-08","the two sides agreed to set up an agricultural sub-commission under the working group",O),
("meeting","2025-Q2","The sub-commission will hold its first session in Blagoveshchensk in the second quarter"),
],
# DCT Thursday 2025-11-20 (2025-W47); "on 19 November" = 2025-11-19, "on 18 November" = 2025-11-18, past "In September" = 2025-09
"t02_govru_checkpoint_commission.txt":[
("meeting","2025-11-19","held an off-site session of the Government Commission for the Socio-Economic Development of the Far East in Vladivostok on 19 November"),
("visit","2025-11-18","on 18 November, Yury Trutnev inspected the Pogranichny automobile checkpoint"),
("approval","2023-09-30","approved by Government Order No. 2718-r of 30 September 2023"),
("deadline","2026-07-01","the reconstruction of the Pogranichny and Kraskino checkpoints in Primorsky Krai must be completed by 1 July 2026"),
("deadline","2027-Q4","and that of the Poltavka checkpoint in the fourth quarter of 2027"),
("launch","2024-04","Reconstruction of the Kraskino checkpoint began in April 2024"),
("launch","2025-06-17","was resumed on 17 June 2025 after a five-year break"),
("announcement","2025-11-19","Alexei Chekunkov reported that passenger traffic",O),
("approval","2025-11-14","Prime Minister Mikhail Mishustin signed Resolution No. 1794 of 14 November 2025"),
("meeting","2025-05-08","during the talks between Vladimir Putin and Xi Jinping in Moscow on 8 May 2025"),
("agreement","2025-05-08","The Russian and Chinese sides agreed to synchronise the modernisation of checkpoints",O),
("agreement","1994-01-27","on checkpoints across the Russian-Chinese state border of 27 January 1994"),
("agreement","2024-05-17","was signed in Harbin on 17 May 2024"),
("announcement","2025-09","In September, the Government of Primorsky Krai applied to the Ministry of Transport"),
("approval","2025-11-19","Following the session, Yury Trutnev issued a number of instructions",O),
("deadline","2026-02-01","is to submit proposals for introducing round-the-clock operation of the Pogranichny checkpoint by 1 February 2026"),
("deadline","2026-07-01","complete the construction of the access road to the Kraskino checkpoint by 1 July 2026"),
("meeting","2026-09","The next session of the Commission will be held in September 2026"),
("meeting","2026-09","on the sidelines of the Eastern Economic Forum",O),
],
# DCT Tuesday 2025-09-16 (2025-W38); "on Aug. 4", "on July 21", "on July 27", "on June 17" in 2025;
# "six years ago" = 2019; "two days after" Nov. 11, 2024 = 2024-11-09; "on Dec. 4" = 2024-12-04
"t03_nkpro_russia_dprk_rail.txt":[
("launch","2025-08-04","Construction of the new bridge, which will run parallel to the single-track Friendship Bridge built in 1959, began on Aug. 4"),
("deadline","2026","has set mid-2026 as the target for completing the span"),
("announcement","2025-08-04","according to a statement it issued on Aug. 4",O),
("agreement","2024-06","which Kim Jong Un and Vladimir Putin signed during the Russian leader's June 2024 visit to Pyongyang"),
("visit","2024-06","the Russian leader's June 2024 visit to Pyongyang"),
("approval","2024-11-11","ratified the treaty by a decree of the Presidium of the Supreme People's Assembly on Nov. 11, 2024"),
("approval","2024-11-09","two days after Putin signed the Russian ratification law"),
("launch","2024-12-04","the pact entered into force on Dec. 4",O),
("meeting","2019","who first met Putin in Vladivostok six years ago"),
("meeting","2023-09","held his second summit with the Russian leader at the Vostochny Cosmodrome in September 2023"),
("visit","2023-09","during a six-day trip to the Russian Far East by armored train"),
("visit","2025-06-17","Security Council Secretary Sergei Shoigu was in Pyongyang on June 17"),
("announcement","2025-06-17","where he announced that Russia would send 1,000 sappers"),
("announcement","2025-07-21","Russia's Federal Air Transport Agency announced on July 21"),
("launch","2025-07-27","the service was launched on July 27"),
("meeting","2024-11","the 11th session of the Russia-DPRK intergovernmental commission on trade, economic, scientific and technical cooperation, held in Pyongyang in mid-November 2024"),
("agreement","2024-11","the sides signed a protocol under which"),
("deadline","2026","the Tumangang freight terminal is to be modernized by the end of 2026"),
("agreement","2008","which Russia's RasonKonTrans has leased since 2008",O),
("launch","2025-H2","plans to start a regular Vladivostok-Rajin container service in H2 2025"),
("deadline","2025-H2","plans to start a regular Vladivostok-Rajin container service in H2 2025",O),
],
# DCT Wednesday 2024-01-24 (delivery date in the header). Part I reviews 2023: "In September", "In May",
# "on June 1", "In October", "in March", "in August" = 2023; "last November" = 2023-11.
# Part II plans 2024: "the third quarter", "the first quarter", "the first half of the year", "by June 30" = 2024
"t04_jilin_work_report_2024.txt":[
("meeting","2024-01-24","Delivered at the Second Session of the 14th People's Congress of Jilin Province on January 24, 2024",O),
("announcement","2024-01-24","Delivered at the Second Session of the 14th People's Congress of Jilin Province on January 24, 2024",O),
("meeting","2023-09","General Secretary Xi Jinping presided over a symposium on promoting the full revitalization of Northeast China"),
("announcement","2023-09","delivered an important speech, charting the course for our work",O),
("announcement","2023-05","In May, the General Administration of Customs announced"),
("approval","2023-05","In May, the General Administration of Customs announced",O),
("launch","2023-06-01","the new cross-border route came into operation on June 1"),
("visit","2023-10","In October, a provincial government delegation I led visited Primorsky Krai and Khabarovsk Krai"),
("agreement","2023-10","signed 12 cooperation agreements worth 8.6 billion yuan"),
("approval","2023","We formulated the 2023 action plan for the Changchun-Jilin-Tumen open corridor"),
("approval","2023-03","in March we issued the Implementation Opinions on Promoting the High-Quality Development of Border Areas"),
("approval","2023-11","revised and adopted by the Standing Committee of the Provincial People's Congress last November"),
("launch","2024-01-01","took effect on January 1 this year",O),
("launch","2023-08","Construction of Terminal 3 of Changchun Longjia International Airport began in August"),
("launch","2021","on which construction started in 2021"),
("deadline","2024","The main expected targets for economic and social development in 2024 are:",O),
("meeting","2024-Q3","host the 2024 Northeast Asia Local Cooperation Roundtable in Hunchun in the third quarter"),
("announcement","2024-Q1","In the first quarter, we will formally apply to the State Council"),
("launch","2024-H1","Ground will be broken on a new cargo terminal at Hunchun port in the first half of the year"),
("deadline","2024-H1","Ground will be broken on a new cargo terminal at Hunchun port in the first half of the year",O),
("deadline","2025","By 2025, the province's border trade is to exceed 40 billion yuan"),
("deadline","2025","is ready for operation by the end of 2025"),
("deadline","2024-06-30","complete the revision of the provincial regulations on border trade by June 30"),
],
# DCT Friday 2025-03-28 (publication date); "End-2024" = 2024; "9 Jan. 2025"; "April 2025 (planned)";
# "November 7th" (future) = 2025-11-07; "the January round" = 2025-01; "8-10 October 2024" = 2024-10-08
"t05_erina_tumen_navigation_brief.txt":[
("agreement","1991-05-16","the Sino-Soviet agreement on the eastern section of the border, signed on 16 May 1991"),
("launch","1991-10","October 1991 — The UNDP launches the Tumen River Area Development Programme (TRADP) in Pyongyang"),
("agreement","1995-12","December 1995 — China, the DPRK, Mongolia, the ROK and Russia sign agreements"),
("launch","1995-12","sign agreements establishing a coordination committee and a consultative commission",O),
("meeting","2005","2005: At its eighth meeting in Changchun"),
("approval","2005","extends the programme for ten years and renames it the Greater Tumen Initiative",O),
("approval","2009-08-30","2009/08/30 — China's State Council approves the Changjitu pilot area plan"),
("approval","2012-04","April 2012 — The State Council approves the China Tumen River Area (Hunchun) International Cooperation Demonstration Zone"),
("launch","2012-04","April 2012 — The State Council approves the China Tumen River Area (Hunchun) International Cooperation Demonstration Zone",O),
("agreement","2019-03","March 2019 — Niigata Prefecture, Jilin Province and Primorsky Krai sign a memorandum"),
("meeting","2024-05-16","16 May 2024 — After talks in Beijing"),
("announcement","2024-05-16","Xi Jinping and Vladimir Putin issue a joint statement"),
("approval","2024-05-16","Xi Jinping and Vladimir Putin issue a joint statement",O),
("announcement","2024","End-2024 — Rosmorrechflot publishes a study"),
("approval","2024","End-2024 — Rosmorrechflot publishes a study",O),
("meeting","2025-01-09","9 Jan. 2025 — The third round of Sino-Russian expert consultations"),
("meeting","2025-04","April 2025 (planned) — Fourth round of consultations, Hunchun"),
("announcement","2025-01","According to Chinese participants in the January round, the Russian side proposed",O),
("deadline","2026","aims to complete a river wharf at Fangchuan by the end of 2026"),
("visit","2024-10-08","The Governor of Niigata Prefecture visited Changchun on 8-10 October 2024"),
("meeting","2024-10-08","raised the route with the Governor of Jilin Province",O),
("meeting","2025-11-07","The 2025 Northeast Asia Economic Conference, scheduled for November 7th in Niigata"),
("launch","1992","The agreement entered into force in 1992",O),
("agreement","2019-11-20","The memorandum was signed in Vladivostok on 20 November 2019"),
],
# DCT Tuesday 2025-10-14 (2025-W42); Sunday = 10-12, Thursday = 10-09, Friday = 10-10;
# "mid-September" = 2025-09; "Sept. 26"; "Three days later" = 2025-09-29; "the previous week" (before
# Thursday 10-09, W41) = 2025-W40; "last year" = 2024; "next spring" = 2026-SP; "in August" = 2025-08;
# "a June 30 deadline" (the next June 30) = 2026-06-30
"t06_dandong_border_market.txt":[
("launch","2025-10-12","which reopened to North Korean goods that morning"),
("visit","2025-09","A trade delegation from North Phyongan province visited Dandong in mid-September"),
("approval","2025-09-26","The reopening was approved by the General Administration of Customs on Sept. 26"),
("announcement","2025-09-29","Three days later, the municipal government announced"),
("meeting","2025-10-09","At a meeting with stall holders on Thursday"),
("deadline","2025-10-31","require traders to register by Oct. 31"),
("launch","2025-W40","The committee had been set up the previous week"),
("approval","2024","The zone's expansion plan was approved by the Liaoning provincial government last year"),
("launch","2026-SP","a second trading hall for seafood and textiles will open next spring"),
("deadline","2026-SP","a second trading hall for seafood and textiles will open next spring",O),
("announcement","2025-10-12","deputy mayor Sun Hongwei told reporters at Sunday's ceremony",O),
("deadline","2026-06-30","The pilot duty-free scheme runs until a June 30 deadline"),
("agreement","2025-08","Since the signing of a supply agreement with a Sinuiju trading company in August"),
("launch","2025-10-10","was launched on Friday"),
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
