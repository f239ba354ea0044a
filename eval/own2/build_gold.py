"""Regenerate docs.jsonl and gold.jsonl for the second own held-out set (heldout-own2).

Each event is (type, date, evidence[, O]); O marks a judgement call ("optional": true).
Evidence is a verbatim span of the document, unique in it and within one line.
Run: python3 build_gold.py && python3 ../check_gold.py
"""
import json
D={"n01_dvinform_bolshoi_ussuriysky.txt":"2025-03-18",
   "n02_seoul_kim_factories.txt":"2026-03-03",
   "n03_liaoning_jilin_border_plan.txt":"2024-10-22",
   "n04_thinktank_amur_grain.txt":"2025-06-10",
   "n05_trade_weekly_bulletin.txt":"2024-06-14",
   "n06_harbin_russian_tourists.txt":"2025-11-04"}
O=True
G={
# DCT Tuesday 2025-03-18 (2025-W12); "on Monday" = 2025-03-17
"n01_dvinform_bolshoi_ussuriysky.txt":[
("agreement","2025-03-14","was signed by the Governor of Khabarovsk Krai Dmitry Demeshin and the Governor of Heilongjiang Province Liang Huiling in Harbin on 14 March"),
("visit","2025-03-12","The head of the region was in the People's Republic of China on a working visit from 12 to 15 March"),
("visit","2025-03-15","told journalists after returning to Khabarovsk",O),
("deadline","2027-12-31","must complete the construction of a road bridge across the Kazakevichevo channel no later than 31 December 2027"),
("deadline","2028","the checkpoint itself is to begin receiving trucks by the end of 2028"),
("approval","2025-03-05","approved the concept of the checkpoint by order No. 512-r of 5 March 2025"),
("meeting","2025-03-12","At the meeting on 12 March"),
("meeting","2025-03-13","On 13 March, the governor took part in the opening of the Russian-Chinese business forum"),
("launch","2025-03-13","took part in the opening of the Russian-Chinese business forum",O),
("agreement","2025-03-13","On the sidelines of the forum, the Far East and Arctic Development Corporation and the Heilongjiang Provincial Investment Group concluded a contract",O),
("agreement","2004-10-14","the Supplementary Agreement on the Eastern Section of the Russian-Chinese State Border was signed in Beijing on 14 October 2004"),
("announcement","2011","was first put forward by the Heilongjiang side in 2011"),
("announcement","2025-03-17","the Government of Amur Oblast announced on Monday"),
("deadline","2026-Q4","The new deadline is the fourth quarter of 2026"),
("launch","2019-05","Construction of the cable car began in May 2019"),
("deadline","2022","the original deadline was the end of 2022",O),
("visit","2025-04","Governor Oleg Kozhemyako is to visit Jilin and Heilongjiang provinces in April"),
],
# DCT Tuesday 2026-03-03 (2026-W10); Sunday = 03-01, Monday = 03-02, Wednesday = 03-04
"n02_seoul_kim_factories.txt":[
("visit","2026-03-01","inspected a regional industrial factory under construction in Kyongsong County, North Hamgyong Province, on Sunday"),
("announcement","2026-03-03","state media said Tuesday",O),
("visit","2026-03-01","he also toured a newly built county hospital nearby",O),
("announcement","2024-01","which Kim first announced in a speech at a session of the Supreme People's Assembly in January 2024"),
("meeting","2024-01","a session of the Supreme People's Assembly in January 2024"),
("meeting","2025-12-27","At the 12th Plenary Meeting of the 8th Central Committee of the Workers' Party of Korea (WPK), held Dec. 27-30 last year"),
("approval","2025-12-27","held Dec. 27-30 last year, the party adopted a resolution expanding the policy"),
("meeting","2026-H1","the party's Ninth Congress, which KCNA said last month would be convened in the first half of this year"),
("announcement","2026-02","which KCNA said last month",O),
("visit","2026-03-02","arrived in Pyongyang on Monday"),
("meeting","2026-03-04","whose 12th session is scheduled to open Wednesday"),
("launch","2026-03-04","whose 12th session is scheduled to open Wednesday",O),
("agreement","2024-06-19","the Treaty on Comprehensive Strategic Partnership was signed by Kim and Russian President Vladimir Putin in Pyongyang on June 19, 2024"),
("visit","2024-06-19","during Putin's first visit to the North in 24 years",O),
("approval","2024-10","Russia's State Duma ratified the treaty that October"),
("launch","2024-12","it took effect in December 2024",O),
("launch","2025-04-30","Construction of a road bridge across the Tumen River, linking Khasan in Russia with Tumangang in the North, began on April 30, 2025"),
("deadline","2026","the bridge is due for completion in mid-2026"),
("announcement","2026-03-02","Seoul's unification ministry said Monday",O),
("announcement","2026-01-15","Seoul's Jan. 15 proposal to restore the inter-Korean military communication lines"),
("visit","2026-04","is expected to visit Pyongyang in mid-April"),
("announcement","2026-03-02","told lawmakers in a closed-door briefing Monday",O),
("launch","2026-01-27","The North last fired a short-range ballistic missile on Jan. 27",O),
],
# DCT Tuesday 2024-10-22 (page date; dateline "Oct. 21" is a Monday); "on Monday" = 2024-10-21
"n03_liaoning_jilin_border_plan.txt":[
("announcement","2024-10-21","according to a press conference held by the Information Office of the Liaoning Provincial People's Government on Monday",O),
("meeting","2024-10-21","according to a press conference held by the Information Office of the Liaoning Provincial People's Government on Monday",O),
("deadline","2027","According to the Plan, by 2027, a border trade and logistics system with efficient customs clearance will be basically established"),
("deadline","2030","By 2030, the zone will have formed a modern industrial system"),
("deadline","2027","the upgrading of the Dandong-Tonghua-Baishan border railway be completed by 2027"),
("approval","2021","the 2021 revitalization plan for the northeast"),
("deadline","2024","the province would issue supporting implementation measures before the end of this year"),
("meeting","2024-10-15","an executive meeting of the provincial people's government chaired by Governor Hu Yuting on Oct. 15"),
("approval","2024-10-15","on Oct. 15 adopted the province's work plan for implementing the Plan"),
("approval","2024-10-15","decided to set up a leading group headed by the governor",O),
("announcement","2024-10-18","The Liaoning Provincial Department of Commerce announced on Oct. 18"),
("meeting","2025","Dandong will host the first China-Northeast Asia Border Trade Fair in 2025"),
("launch","2023-H1","were resumed in the first half of 2023"),
("meeting","2024-08-23","At the 14th China-Northeast Asia Expo, held in Changchun from Aug. 23 to 27"),
("agreement","2024-08-23","the commerce departments of Liaoning and Jilin signed a memorandum of understanding on joint investment promotion"),
("launch","2025","will start construction in early 2025"),
("deadline","2025","will start construction in early 2025",O),
],
# DCT 2025-06-10 (publication date in the header)
"n04_thinktank_amur_grain.txt":[
("approval","2022-02","approved imports of wheat from all Russian regions in February 2022"),
("announcement","2022-11","was put forward by Russia's Ministry of Agriculture in November 2022"),
("agreement","2024-09-10","An intergovernmental agreement on the corridor was signed by the two countries' agriculture ministers in Beijing on Sept. 10, 2024"),
("launch","2020","The Zabaikalsk grain terminal, with a capacity of 8 million tonnes a year, came into operation in 2020"),
("launch","2024-08","COFCO opened a soybean crushing plant in Heihe in August 2024"),
("approval","2025-01","In late January 2025 the Russian government approved a grain export quota"),
("deadline","2030","sets a target of raising agricultural exports to China to $15 billion a year by 2030"),
("approval","2023","Heilongjiang's 2023 soybean revitalisation action plan"),
("visit","2023-FA","A delegation of grain traders from Harbin toured farms and elevators in Amur Oblast in the autumn of 2023"),
("meeting","2025-04-09","at an April 9 roundtable in Heihe"),
("deadline","2025-06-30","Chinese importers now face a June 30 deadline"),
("approval","2025-03","In March 2025, Rosselkhoznadzor, Russia's agricultural watchdog, published a list of 46 Russian companies"),
("announcement","2025-03","In March 2025, Rosselkhoznadzor, Russia's agricultural watchdog, published a list of 46 Russian companies",O),
("meeting","2024-05","the May 2024 summit in Beijing"),
],
# DCT Friday 2024-06-14 (2024-W24); Monday = 06-10, Tuesday = 06-11, Wednesday = 06-12
"n05_trade_weekly_bulletin.txt":[
("approval","2024-06-11","approved the second-phase logistics centre of the Suifenhe Comprehensive Bonded Zone on 2024-06-11"),
("deadline","2024-09","is to be completed by end-September"),
("launch","2024-06-11","Service launched Tuesday with a 50-container maiden run"),
("launch","2024-07","Weekly departures planned from July",O),
("meeting","2024-09-12","Fair runs 12–15 September at the Dalian World Expo Center"),
("deadline","2024-07-31","Exhibitor registration closes 31 July"),
("deadline","2024-09-15","must return it to the Ministry of Commerce for reallocation no later than 15 September"),
("announcement","2024-06-12","MOFCOM announced on Wednesday"),
("agreement","2024-06-07","Amur Oblast and Heilongjiang sign cold-chain logistics pact, 7 June"),
("visit","2024-06-04","Rason city delegation visits Hunchun border economic zone, June 4-6"),
("launch","2024-Q3","24-hour operation at Dongning-Poltavka crossing to begin in Q3 2024"),
("deadline","2024-Q3","24-hour operation at Dongning-Poltavka crossing to begin in Q3 2024",O),
("approval","2024-06-10","Jilin commerce department releases 2024 border trade support measures (Monday)"),
("announcement","2024-06-10","Jilin commerce department releases 2024 border trade support measures (Monday)",O),
("meeting","2024-W24","Sino-Russian border customs chiefs meet this week"),
("meeting","2024-06-18","18 June, Harbin: Heilongjiang–Russian Far East governors' roundtable"),
("launch","2024-07-01","1 July: revised rules on visa-free group tours between China and Russia take effect",O),
],
# DCT Tuesday 2025-11-04 (2025-W45); yesterday = 11-03, Sunday = 11-02, last Friday = 10-31,
# next month = 2025-12, last week = 2025-W44, in two weeks = 2025-W47 / 2025-11-18
"n06_harbin_russian_tourists.txt":[
("approval","2025-08","Approved by China's civil aviation regulator in August"),
("launch","2025-11-03","a direct air route between Harbin and Magadan was launched yesterday"),
("launch","2025-09","since China's visa-free trial for Russian citizens began in mid-September"),
("announcement","2025-10-30","The National Immigration Administration announced on Oct. 30"),
("approval","2025-10-31","A 20-point action plan on winter tourism, issued by the Heilongjiang provincial government last Friday"),
("deadline","2025","to offer Russian-language services by the end of the year"),
("deadline","2026-03","for Russian-language signs at every border crossing by the end of March 2026"),
("agreement","2025","Earlier this year, Heilongjiang and Primorsky Krai signed an agreement on joint tourist routes"),
("launch","2025-12","plans to open a tourism office in Vladivostok next month"),
("deadline","2025-12","plans to open a tourism office in Vladivostok next month",O),
("meeting","2025-12","Next month, Harbin will also host the third China-Russia Winter Tourism Fair"),
("launch","2025-10-28","resumed service on 28 October"),
("agreement","2025-10-21","the signing ceremony for a new cross-border timetable protocol in Suifenhe on 21 October"),
("visit","2025-11-02","A group of 35 Russian tour operators visited the Yabuli ski resort on Sunday"),
("visit","2025-W47","is due to arrive in Harbin in two weeks",O),
("visit","2025-11-18","is due to arrive in Harbin in two weeks",O),
("meeting","2025-10-29","In an Oct. 29 meeting with Russia's consul general in Harbin"),
("announcement","2025-10-29","vice governor Zhang Wei called for more direct flights",O),
("deadline","2025-W44","A charter service from Chita that was due to start last week",O),
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
