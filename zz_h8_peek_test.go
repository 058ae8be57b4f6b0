package main
import ("testing";"fmt";"time";"context";"path/filepath";"factdesk/extract";"factdesk/store";"factdesk/news")
func TestH8Peek(t *testing.T){
 ctx:=context.Background()
 var exs []news.Extraction; var docs []news.Document
 for i:=0;i<1500;i++{d:=synArticle(i); docs=append(docs,d); exs=append(exs,extract.Extract(d))}
 for _,fast:=range []bool{false,true,false,true}{
 st,_:=store.Open(ctx,filepath.Join(t.TempDir(),"x.db")); 
 if fast { st.DB().SetMaxOpenConns(1); st.DB().Exec("PRAGMA synchronous=OFF"); st.DB().Exec("PRAGMA cache_size=-65536"); st.DB().Exec("PRAGMA wal_autocheckpoint=100000")}
 s:=time.Now(); for i:=range docs{ if _,err:=st.SaveArticle(ctx,docs[i],exs[i]);err!=nil{t.Fatal(err)}}; fmt.Println(fast,"save per doc", time.Since(s)/1500)
 st.Close()}
}
