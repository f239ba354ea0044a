import json,re,collections,datetime
TY={"meeting","visit","deadline","approval","agreement","launch","announcement"}
R=re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?|-W(0[1-9]|[1-4]\d|5[0-3])|-Q[1-4]|-H[12]|-(SP|SU|FA|WI))?$")
docs={json.loads(l)["doc"]:json.loads(l)["dct"] for l in open("docs.jsonl")}
ok=True; cnt=collections.defaultdict(lambda:[0,0])
for i,l in enumerate(open("gold.jsonl"),1):
    e=json.loads(l); t=open("docs/"+e["doc"]).read()
    n=t.count(e["evidence"])
    if n==0: print("MISSING",i,e); ok=False
    elif n>1: print("DUP(%d)"%n,i,e["evidence"])
    if "\n" in e["evidence"]: print("NEWLINE",i); ok=False
    if not R.match(e["date"]): print("BADDATE",i,e); ok=False
    if len(e["date"])==10: datetime.date.fromisoformat(e["date"])
    if e["type"] not in TY: print("BADTYPE",i); ok=False
    cnt[e["type"]][1 if e.get("optional") else 0]+=1
for d in docs:
    w=len(open("docs/"+d).read().split()); print(d,docs[d],"words",w)
tot=[0,0]
for k in sorted(cnt): print(k,"scored",cnt[k][0],"optional",cnt[k][1]); tot[0]+=cnt[k][0]; tot[1]+=cnt[k][1]
print("total",tot,"OK" if ok else "FAIL")
